package dev.archforge.decide;

import dev.archforge.model.Blueprint;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.Driver;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.List;

/** What the decide stage tells the user besides the decisions: fallbacks, budget, and defaults it applied. */
final class Warnings {
  private Warnings() {}

  static List<String> of(Requirements r, Blueprint blueprint, CostEstimate cost) {
    List<String> warnings = new ArrayList<>();
    if (cost.overBudget()) {
      warnings.add("the estimated cost, $" + Driver.number(Math.round(cost.totalUsd())) + "/month on " + cost.cloud()
          + ", exceeds project.budget.monthlyUsd ($" + Driver.number(cost.budgetUsd()) + "); what to cut: "
          + String.join("; ", cost.cuts()) + ". " + cost.verdict());
    }
    return warnings;
  }

  /** Defaults of the blueprint that shape the artifacts, as sentences for CONTEXT.md. */
  static List<String> defaultsAssumed(Requirements r, Blueprint blueprint) {
    List<String> list = new ArrayList<>();
    list.add("Strings without maxLength hold at most " + blueprint.defaults().stringMaxLength()
        + " characters (the blueprint's default).");
    return list;
  }
}
