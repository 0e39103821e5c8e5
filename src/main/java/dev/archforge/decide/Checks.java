package dev.archforge.decide;

import dev.archforge.condition.Facts;
import dev.archforge.model.Blueprint;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Requirements;
import dev.archforge.model.RuleCheck;
import dev.archforge.model.TopicRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the blueprint's checks on the decided plan. A warning is reported and the run goes on; an
 * error stops it with every failed check listed, each at the user's choice it concerns (or at the
 * check itself when only drafted choices are involved).
 */
final class Checks {
  private Checks() {}

  static void run(Blueprint blueprint, Facts facts, Requirements r, List<String> warnings) {
    List<String> errors = new ArrayList<>();
    for (TopicRules topic : blueprint.rules()) {
      for (RuleCheck check : topic.checks()) {
        if (check.when().test(facts)) {
          String message = Placeholders.fill(check.message(), facts) + " (check " + check.id() + ", " + check.source()
              + ")";
          if (check.error()) {
            errors.add(location(check, r) + ": " + message);
          } else {
            warnings.add(message);
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DecisionException(errors);
    }
  }

  /** Where the user wrote a choice the check reads; else where the check is written. */
  private static String location(RuleCheck check, Requirements r) {
    for (String topic : FactCatalog.DECIDE_ORDER) {
      if (r.decisionLocations().containsKey(topic) && check.when().names().contains(FactCatalog.decisionFact(topic))) {
        return r.decisionLocations().get(topic);
      }
    }
    return check.source() + ":1";
  }
}
