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
 * @param regions the regions of each jurisdiction per cloud, which the plan's cells are placed in
 * @param review the rules {@code archforge review} turns off (its {@code review:} key)
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
    Ownership ownership,
    RegionTable regions,
    ReviewSettings review) {
  public Blueprint {
    deliverables = List.copyOf(deliverables);
    rules = List.copyOf(rules);
  }

  /** A blueprint that turns no review rule off. */
  public Blueprint(String name, String description, List<String> deliverables, BlueprintDefaults defaults,
      String origin, List<TopicRules> rules, CapacityAssumptions capacity, Prices prices, Ownership ownership,
      RegionTable regions) {
    this(name, description, deliverables, defaults, origin, rules, capacity, prices, ownership, regions,
        ReviewSettings.NONE);
  }

  /** A blueprint that leaves every file merged. */
  public Blueprint(String name, String description, List<String> deliverables, BlueprintDefaults defaults,
      String origin, List<TopicRules> rules, CapacityAssumptions capacity, Prices prices) {
    this(name, description, deliverables, defaults, origin, rules, capacity, prices, Ownership.DEFAULT);
  }

  /** A blueprint without a region table: its plans name no region. */
  public Blueprint(String name, String description, List<String> deliverables, BlueprintDefaults defaults,
      String origin, List<TopicRules> rules, CapacityAssumptions capacity, Prices prices, Ownership ownership) {
    this(name, description, deliverables, defaults, origin, rules, capacity, prices, ownership, RegionTable.NONE);
  }

  /** The same blueprint rendering only these deliverables. */
  public Blueprint withDeliverables(List<String> ids) {
    return new Blueprint(name, description, ids, defaults, origin, rules, capacity, prices, ownership, regions,
        review);
  }

  public Optional<TopicRules> topic(String id) {
    return rules.stream().filter(t -> t.topic().equals(id)).findFirst();
  }
}
