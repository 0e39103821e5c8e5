package dev.archforge.load;

import dev.archforge.condition.Condition;
import dev.archforge.condition.ConditionException;
import dev.archforge.condition.FactTypes;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Option;
import dev.archforge.model.Rule;
import dev.archforge.model.RuleCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rules file of a blueprint ({@code rules/<name>.yaml}): the topic it is about, the
 * options with their trade-offs, the rules and the checks. Conditions are parsed and type-checked
 * here, so a mistake in a blueprint is reported at its line and column before anything runs.
 */
final class RuleReader {
  /** One file's contents; a topic may be spread over several files. */
  record RuleFile(String name, String topic, String title, String question, List<Option> options,
      List<Placed> rules, List<RuleCheck> checks) {}

  /** A rule with the position of its {@code choose}, for problems found once all files are merged. */
  record Placed(Rule rule, String file, int line, int column) {
    Diagnostic error(String message) {
      return new Diagnostic(file, line, column, Diagnostic.Severity.ERROR, message);
    }

    Diagnostic warning(String message) {
      return new Diagnostic(file, line, column, Diagnostic.Severity.WARNING, message);
    }
  }

  private static final List<String> KEYS = List.of("topic", "title", "question", "options", "rules", "checks");
  private static final List<String> OPTION_KEYS = List.of("summary", "pros", "cons", "consequences");
  private static final List<String> RULE_KEYS = List.of("id", "when", "choose", "because");
  private static final List<String> CHECK_KEYS = List.of("id", "when", "level", "message");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final Diagnostics diagnostics;

  RuleReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<RuleFile> read(String name, String text) {
    return SafeYaml.parse(text, diagnostics).flatMap(root -> YamlMap.open(root, "", diagnostics))
        .flatMap(map -> file(name, map, text));
  }

  private Optional<RuleFile> file(String name, YamlMap map, String text) {
    map.allowOnly(KEYS);
    Optional<String> topic = map.text("topic");
    if (topic.isEmpty()) {
      diagnostics.errorAtStart("a rules file must say which decision topic it is about: 'topic: <id>' (one of "
          + String.join(", ", DecisionTopic.ids()) + ")");
      return Optional.empty();
    }
    if (DecisionTopic.byId(topic.get()).isEmpty()) {
      diagnostics.error(map.value("topic"), "unknown decision topic '" + topic.get() + "'"
          + Suggestions.hint(topic.get(), DecisionTopic.ids()) + " (known: " + String.join(", ", DecisionTopic.ids()) + ")");
      return Optional.empty();
    }
    DecisionTopic known = DecisionTopic.byId(topic.get()).orElseThrow();
    List<Option> options = options(map, known);
    FactTypes facts = FactCatalog.types(FactCatalog.forTopic(known.id()));
    List<Placed> rules = new ArrayList<>();
    for (YamlMap rule : maps(map, "rules")) {
      rule(rule, name, facts).ifPresent(rules::add);
    }
    List<RuleCheck> checks = new ArrayList<>();
    for (YamlMap check : maps(map, "checks")) {
      check(check, name).ifPresent(checks::add);
    }
    return Optional.of(new RuleFile(name, known.id(), map.text("title").orElse(null),
        map.text("question").orElse(null), options, rules, checks));
  }

  private List<Option> options(YamlMap map, DecisionTopic topic) {
    List<Option> options = new ArrayList<>();
    map.map("options").ifPresent(section -> {
      for (String option : section.keys()) {
        if (!topic.options().isEmpty() && !topic.options().contains(option)) {
          diagnostics.error(section.keyNode(option), "'" + option + "' is not an option of " + topic.id()
              + " that the deliverables know; use one of " + String.join(", ", topic.options())
              + Suggestions.hint(option, topic.options()));
          continue;
        }
        section.map(option).ifPresent(o -> {
          o.allowOnly(OPTION_KEYS);
          options.add(new Option(option, o.text("summary").orElse(""), texts(o, "pros"), texts(o, "cons"),
              texts(o, "consequences")));
        });
      }
    });
    return options;
  }

  private Optional<Placed> rule(YamlMap rule, String file, FactTypes facts) {
    rule.allowOnly(RULE_KEYS);
    Optional<String> id = rule.requiredText("id", rule.keyNode(rule.keys().iterator().next()));
    Optional<String> choice = rule.requiredText("choose", rule.keyNode(rule.keys().iterator().next()));
    Optional<Condition> when = rule.has("when") ? condition(rule, facts) : Optional.empty();
    if (rule.has("when") && when.isEmpty()) {
      return Optional.empty();
    }
    List<String> because = texts(rule, "because");
    placeholders(rule, "because", facts);
    if (id.isEmpty() || choice.isEmpty()) {
      return Optional.empty();
    }
    Node at = rule.value("choose");
    return Optional.of(new Placed(new Rule(id.get(), when, choice.get(), because, where(file, rule.keyNode("id"))),
        diagnostics.file(), at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1));
  }

  private Optional<RuleCheck> check(YamlMap check, String file) {
    check.allowOnly(CHECK_KEYS);
    FactTypes facts = FactCatalog.types(FactCatalog.forChecks());
    Node first = check.keyNode(check.keys().iterator().next());
    Optional<String> id = check.requiredText("id", first);
    Optional<String> message = check.requiredText("message", first);
    Optional<String> level = check.requiredText("level", first);
    if (level.isPresent() && !List.of("error", "warning").contains(level.get())) {
      diagnostics.error(check.value("level"), "'level' must be error or warning, not '" + level.get() + "'");
      return Optional.empty();
    }
    if (!check.has("when")) {
      diagnostics.error(first, "a check needs a condition: 'when: ...'");
      return Optional.empty();
    }
    Optional<Condition> when = condition(check, facts);
    placeholders(check, "message", facts);
    if (id.isEmpty() || message.isEmpty() || level.isEmpty() || when.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RuleCheck(id.get(), when.get(), level.get().equals("error"), message.get(),
        where(file, check.keyNode("id"))));
  }

  private Optional<Condition> condition(YamlMap map, FactTypes facts) {
    Optional<String> text = map.text("when");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Condition.parse(text.get(), facts));
    } catch (ConditionException e) {
      diagnostics.error(map.value("when"), e.offset(), e.getMessage());
      return Optional.empty();
    }
  }

  /** Reports {@code {name}} placeholders that name no fact the text can be filled from. */
  private void placeholders(YamlMap map, String key, FactTypes facts) {
    Node node = map.value(key);
    List<Node> scalars = node instanceof SequenceNode seq ? seq.getValue() : node == null ? List.of() : List.of(node);
    for (Node scalar : scalars) {
      if (!(scalar instanceof ScalarNode s)) {
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(s.getValue());
      while (m.find()) {
        String fact = m.group(1);
        if (facts.typeOf(fact).isEmpty()) {
          diagnostics.error(scalar, m.start(), "'{" + fact + "}' names no fact this text can be filled from"
              + Suggestions.hint(fact, facts.names()));
        }
      }
    }
  }

  /** A text or a list of texts. */
  private List<String> texts(YamlMap map, String key) {
    Node node = map.value(key);
    if (node instanceof ScalarNode) {
      return map.text(key).map(List::of).orElse(List.of());
    }
    return map.list(key).stream().map(YamlMap.Item::value).toList();
  }

  private List<YamlMap> maps(YamlMap map, String key) {
    Node node = map.value(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      diagnostics.error(node, "'" + key + "' must be a list of mappings, not " + YamlMap.describe(node));
      return List.of();
    }
    List<YamlMap> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      YamlMap.open(item, key + "[]", diagnostics).ifPresent(m -> {
        if (m.keys().isEmpty()) {
          diagnostics.error(item, "an item of '" + key + "' must not be empty");
        } else {
          result.add(m);
        }
      });
    }
    return result;
  }

  private String where(String file, Node node) {
    return diagnostics.file() + ":" + (node.getStartMark().getLine() + 1);
  }
}
