package dev.archforge.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a blueprint says about one decision topic: the question it answers, the options
 * with their trade-offs, the rules that choose among them and the checks on the result.
 */
public record TopicRules(
    String topic, String title, String question, List<Option> options, List<Rule> rules, List<RuleCheck> checks) {
  public TopicRules {
    options = List.copyOf(options);
    rules = List.copyOf(rules);
    checks = List.copyOf(checks);
  }

  public Optional<Option> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  public List<String> optionNames() {
    return options.stream().map(Option::name).toList();
  }
}
