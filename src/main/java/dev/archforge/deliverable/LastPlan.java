package dev.archforge.deliverable;

import dev.archforge.model.Plan;
import java.util.function.Function;

/**
 * A value computed from a plan, kept for the plan last asked about: a deliverable's warnings and
 * its files read the same views, and building them is a pure function of the plan, so the second
 * reader gets the first one's. Keyed by identity: a new plan, a new value.
 */
public final class LastPlan<T> {
  private final Function<Plan, T> compute;
  private Plan plan;
  private T value;

  public LastPlan(Function<Plan, T> compute) {
    this.compute = compute;
  }

  public synchronized T of(Plan forPlan) {
    if (forPlan != plan) {
      value = compute.apply(forPlan);
      plan = forPlan;
    }
    return value;
  }
}
