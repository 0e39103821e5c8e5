package dev.archforge.decide;

import dev.archforge.condition.Condition;
import dev.archforge.condition.Facts;
import dev.archforge.model.Decision;
import dev.archforge.model.Decision.Alternative;
import dev.archforge.model.Decision.Origin;
import dev.archforge.model.Driver;
import dev.archforge.model.Option;
import dev.archforge.model.Rule;
import dev.archforge.model.RuleTrace;
import dev.archforge.model.TopicRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one topic: tries its rules in order until one holds, and records the choice with the
 * reasons, the facts every tried rule read (traceability) and the trace of the rules. A user's
 * choice under {@code decisions:} wins, and the record keeps what the rules would have chosen.
 */
final class TopicDecider {
  private TopicDecider() {}

  static Decision decide(TopicRules topic, Facts facts, Optional<String> userChoice) {
    List<RuleTrace> trace = new ArrayList<>();
    Set<String> read = new LinkedHashSet<>();
    Rule chosen = null;
    for (Rule rule : topic.rules()) {
      boolean held = rule.when().map(c -> c.test(facts)).orElse(true);
      rule.when().ifPresent(c -> read.addAll(c.names()));
      trace.add(trace(rule, held, facts));
      if (held) {
        chosen = rule;
        break;
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("no rule of " + topic.topic() + " held; the loader ensures a last rule without a condition");
    }
    List<String> reasons = chosen.because().stream().map(b -> Placeholders.fill(b, facts)).toList();
    chosen.because().forEach(b -> read.addAll(Placeholders.names(b)));
    List<Driver> drivenBy = read.stream().map(n -> new Driver(n, facts.value(n))).toList();
    if (userChoice.isEmpty()) {
      return new Decision(topic.topic(), topic.title(), topic.question(), chosen.choice(), Origin.RULES, chosen.id(),
          reasons, drivenBy, topic.options(), consequences(topic, chosen.choice()), null, trace);
    }
    String choice = userChoice.get();
    List<String> userReasons = new ArrayList<>();
    userReasons.add("The requirements decide this: decisions." + topic.topic() + " = " + choice + ".");
    if (choice.equals(chosen.choice())) {
      userReasons.add("The rules agree (" + chosen.id() + "): " + String.join(" ", reasons));
    } else {
      userReasons.add("The rules would have chosen " + chosen.choice() + " (" + chosen.id() + "): "
          + String.join(" ", reasons));
    }
    List<Driver> userDrivers = new ArrayList<>();
    userDrivers.add(new Driver("decisions." + topic.topic(), choice));
    userDrivers.addAll(drivenBy);
    return new Decision(topic.topic(), topic.title(), topic.question(), choice, Origin.USER, chosen.id(), userReasons,
        userDrivers, topic.options(), consequences(topic, choice), new Alternative(chosen.choice(), chosen.id(), reasons),
        trace);
  }

  private static List<String> consequences(TopicRules topic, String choice) {
    return topic.option(choice).map(Option::consequences).orElse(List.of());
  }

  private static RuleTrace trace(Rule rule, boolean held, Facts facts) {
    if (rule.when().isEmpty()) {
      return new RuleTrace(rule.id(), "always", rule.choice(), true, List.of(), List.of(), rule.source());
    }
    Condition when = rule.when().get();
    List<String> failed = held ? List.of() : when.explain(facts).stream()
        .filter(s -> !Boolean.TRUE.equals(s.result())).map(Condition.Step::text).toList();
    List<Driver> values = when.names().stream().map(n -> new Driver(n, facts.value(n))).toList();
    return new RuleTrace(rule.id(), when.text(), rule.choice(), held, failed, values, rule.source());
  }
}
