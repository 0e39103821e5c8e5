package dev.archforge.load;

import dev.archforge.load.RuleReader.Placed;
import dev.archforge.load.RuleReader.RuleFile;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Option;
import dev.archforge.model.Rule;
import dev.archforge.model.RuleCheck;
import dev.archforge.model.TopicRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a blueprint's rules files together, most specific blueprint first, and checks that every
 * topic can be decided: it has options, every rule chooses one of them, and its last rule holds
 * always, so exactly one rule decides each topic.
 */
final class RuleBook {
  private RuleBook() {}

  /**
   * @param files rules files by file name, the extending blueprint's first; a file of the same name
   *     in an extending blueprint has already replaced the parent's
   */
  static List<TopicRules> assemble(Map<String, RuleFile> files, String blueprintFile, List<Diagnostic> problems) {
    List<TopicRules> topics = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String topic : FactCatalog.DECIDE_ORDER) {
      List<RuleFile> parts = files.values().stream().filter(f -> f.topic().equals(topic)).toList();
      if (parts.isEmpty()) {
        problems.add(new Diagnostic(blueprintFile, 1, 1, Diagnostic.Severity.ERROR, "the blueprint has no rules for "
            + "the decision topic '" + topic + "': add rules/" + topic + ".yaml or extend a blueprint that has them"));
        continue;
      }
      topics.add(topic(topic, parts, ids, problems));
    }
    return topics;
  }

  private static TopicRules topic(String topic, List<RuleFile> parts, Set<String> ids, List<Diagnostic> problems) {
    Map<String, Option> options = new LinkedHashMap<>();
    for (int i = parts.size() - 1; i >= 0; i--) {
      parts.get(i).options().forEach(o -> options.put(o.name(), o));
    }
    String title = parts.stream().map(RuleFile::title).filter(t -> t != null).findFirst().orElse(topic);
    String question = parts.stream().map(RuleFile::question).filter(q -> q != null).findFirst().orElse("");
    List<Placed> placed = parts.stream().flatMap(p -> p.rules().stream()).toList();
    List<RuleCheck> checks = parts.stream().flatMap(p -> p.checks().stream()).toList();
    String first = parts.get(0).name();
    if (options.isEmpty()) {
      problems.add(new Diagnostic(first, 1, 1, Diagnostic.Severity.ERROR, "the topic '" + topic
          + "' has no options: list them under 'options:' with summary, pros and cons"));
    }
    for (Placed p : placed) {
      if (!options.isEmpty() && !options.containsKey(p.rule().choice())) {
        problems.add(p.error("rule '" + p.rule().id() + "' chooses '" + p.rule().choice() + "', which is not an option of "
            + topic + Suggestions.hint(p.rule().choice(), options.keySet()) + " (options: "
            + String.join(", ", options.keySet()) + ")"));
      }
      if (!ids.add(p.rule().id())) {
        problems.add(p.error("the rule id '" + p.rule().id() + "' is used twice; rule ids name a rule in the records"));
      }
    }
    for (int i = 0; i < placed.size() - 1; i++) {
      if (placed.get(i).rule().when().isEmpty()) {
        problems.add(placed.get(i + 1).warning("rule '" + placed.get(i + 1).rule().id() + "' and those after it are "
            + "never tried: rule '" + placed.get(i).rule().id() + "' before it holds always"));
        break;
      }
    }
    if (placed.isEmpty()) {
      problems.add(new Diagnostic(first, 1, 1, Diagnostic.Severity.ERROR, "the topic '" + topic + "' has no rules"));
    } else if (placed.get(placed.size() - 1).rule().when().isPresent()) {
      problems.add(placed.get(placed.size() - 1).error("the last rule of '" + topic + "' must hold always (no 'when'), "
          + "so that every plan gets a decision on it"));
    }
    List<Rule> rules = placed.stream().map(Placed::rule).toList();
    return new TopicRules(topic, title, question, List.copyOf(options.values()), rules, checks);
  }
}
