package dev.archforge.model;

import dev.archforge.condition.Condition;
import java.util.List;
import java.util.Optional;

/**
 * One rule of a topic: when its condition holds (or always, without one), it chooses an option.
 * Rules of a topic are tried in order; the first that holds decides.
 *
 * @param id a name unique in the blueprint, e.g. {@code caching.public-read-heavy}
 * @param when the condition, empty for a rule that always holds
 * @param choice the option it chooses
 * @param because reasons, with {@code {fact.name}} placeholders filled from the facts
 * @param source where the rule is written, {@code FILE:LINE}, for people tracing a choice back
 */
public record Rule(String id, Optional<Condition> when, String choice, List<String> because, String source) {
  public Rule {
    because = List.copyOf(because);
  }
}
