package dev.archforge.model;

import java.util.List;
import java.util.Optional;

/**
 * What the decide stage hands to rendering: the requirements, the blueprint, the drafted
 * decisions (one per topic the stage covers) and the warnings raised on the way.
 */
public record Plan(Requirements requirements, Blueprint blueprint, List<Decision> decisions, List<String> warnings) {
  public Plan {
    decisions = List.copyOf(decisions);
    warnings = List.copyOf(warnings);
  }

  public Optional<Decision> decision(String topic) {
    return decisions.stream().filter(d -> d.topic().equals(topic)).findFirst();
  }

  /** The choice of a topic the decide stage is known to draft. */
  public String choice(String topic) {
    return decision(topic).map(Decision::choice).orElseThrow(
        () -> new IllegalStateException("no decision drafted for topic " + topic));
  }
}
