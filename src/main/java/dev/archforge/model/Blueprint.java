package dev.archforge.model;

import java.util.List;
import java.util.Optional;

/**
 * A blueprint after loading and resolving {@code extends}: which deliverables to render, the
 * defaults they use, the decision rules, the capacity assumptions and the price table.
 *
 * @param name the blueprint's name
 * @param description one line for {@code archforge blueprints}
 * @param deliverables deliverable ids, in rendering order
 * @param defaults numbers and texts deliverables use where the requirements are silent
 * @param origin where it came from: {@code built-in} or the folder path
 * @param rules the rules of every decision topic, in the order topics are decided
 * @param capacity the assumptions of the capacity arithmetic
 * @param prices the price table of the cost estimate
 */
public record Blueprint(
    String name,
    String description,
    List<String> deliverables,
    BlueprintDefaults defaults,
    String origin,
    List<TopicRules> rules,
    CapacityAssumptions capacity,
    Prices prices) {
  public Blueprint {
    deliverables = List.copyOf(deliverables);
    rules = List.copyOf(rules);
  }

  public Optional<TopicRules> topic(String id) {
    return rules.stream().filter(t -> t.topic().equals(id)).findFirst();
  }
}
