package dev.archforge.decide;

import dev.archforge.load.Suggestions;
import dev.archforge.model.Blueprint;
import dev.archforge.model.TopicRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A choice under {@code decisions:} must be an option the blueprint's rules describe: it is what
 * the deliverables are built to honour. Anything else is an error at the choice, with a hint.
 */
final class UserChoices {
  private UserChoices() {}

  static void check(dev.archforge.model.Requirements r, Blueprint blueprint) {
    List<String> errors = new ArrayList<>();
    List<Map.Entry<String, String>> entries = new ArrayList<>(r.decisions().entrySet());
    entries.sort(java.util.Comparator.comparingInt(e -> line(r.decisionLocations().get(e.getKey()))));
    for (Map.Entry<String, String> entry : entries) {
      TopicRules topic = blueprint.topic(entry.getKey()).orElse(null);
      if (topic != null && topic.option(entry.getValue()).isEmpty()) {
        errors.add(r.decisionLocations().getOrDefault(entry.getKey(), "decisions") + ": 'decisions." + entry.getKey()
            + "' is '" + entry.getValue() + "', which the blueprint '" + blueprint.name() + "' has no rules for; use "
            + "one of " + String.join(", ", topic.optionNames()) + Suggestions.hint(entry.getValue(), topic.optionNames()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DecisionException(errors);
    }
  }

  /** The line of {@code FILE:LINE:COLUMN}, for reporting top to bottom. */
  private static int line(String location) {
    String[] parts = location == null ? new String[0] : location.split(":");
    return parts.length >= 3 ? Integer.parseInt(parts[parts.length - 2]) : 0;
  }
}
