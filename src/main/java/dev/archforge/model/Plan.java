package dev.archforge.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the decide stage hands to rendering: the requirements and blueprint, one decision per
 * topic, the capacity arithmetic and cost estimate, what was assumed, what to ask, the
 * warnings raised on the way, and the cells the system runs in (their regions).
 */
public record Plan(
    Requirements requirements,
    Blueprint blueprint,
    List<Decision> decisions,
    Capacity capacity,
    CostEstimate cost,
    List<String> assumptions,
    List<String> openQuestions,
    List<String> warnings,
    Cells cells) {
  public Plan {
    decisions = List.copyOf(decisions);
    assumptions = List.copyOf(assumptions);
    openQuestions = List.copyOf(openQuestions);
    warnings = List.copyOf(warnings);
  }

  /** A plan whose cells follow from its requirements and the blueprint's region table. */
  public Plan(Requirements requirements, Blueprint blueprint, List<Decision> decisions, Capacity capacity,
      CostEstimate cost, List<String> assumptions, List<String> openQuestions, List<String> warnings) {
    this(requirements, blueprint, decisions, capacity, cost, assumptions, openQuestions, warnings,
        Cells.of(requirements, blueprint == null || blueprint.regions() == null ? RegionTable.NONE : blueprint.regions()));
  }

  public Optional<Decision> decision(String topic) {
    return decisions.stream().filter(d -> d.topic().equals(topic)).findFirst();
  }

  /** The choice of a topic; every topic is decided, so a missing one is a bug. */
  public String choice(String topic) {
    return decision(topic).map(Decision::choice).orElseThrow(
        () -> new IllegalStateException("no decision drafted for topic " + topic));
  }

  /** Every decision's choice, by topic, in the decisions' order. */
  public Map<String, String> choices() {
    Map<String, String> choices = new LinkedHashMap<>();
    decisions.forEach(d -> choices.putIfAbsent(d.topic(), d.choice()));
    return choices;
  }

  public boolean chose(String topic, String option) {
    return decision(topic).map(d -> d.choice().equals(option)).orElse(false);
  }
}
