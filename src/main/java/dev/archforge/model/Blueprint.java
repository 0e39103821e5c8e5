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
 * @param ownership who owns which generated files (glob → class); the workspace's own rules come first
 */
public record Blueprint(
    String name,
    String description,
    List<String> deliverables,
    BlueprintDefaults defaults,
    String origin,
    List<TopicRules> rules,
    CapacityAssumptions capacity,
    Prices prices,
    Ownership ownership) {
  public Blueprint {
    deliverables = List.copyOf(deliverables);
    rules = List.copyOf(rules);
  }

  /** A blueprint that leaves every file merged. */
  public Blueprint(String name, String description, List<String> deliverables, BlueprintDefaults defaults,
      String origin, List<TopicRules> rules, CapacityAssumptions capacity, Prices prices) {
    this(name, description, deliverables, defaults, origin, rules, capacity, prices, Ownership.DEFAULT);
  }

  public Optional<TopicRules> topic(String id) {
    return rules.stream().filter(t -> t.topic().equals(id)).findFirst();
  }
}
