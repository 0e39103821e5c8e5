package dev.archforge.model;

import java.util.List;
import java.util.Map;

/**
 * An order-of-magnitude monthly cost, itemised, from the blueprint's dated price table.
 *
 * @param cloud the cloud the items are priced for; for {@code any}, the cheapest of the table
 * @param priceDate when the price table was last checked, e.g. {@code 2026-11-01}
 * @param priceSource where the prices come from, in words
 * @param items the lines, largest first
 * @param totalUsd their sum
 * @param byCloud the total for every cloud of the table, for comparison
 * @param budgetUsd {@code project.budget.monthlyUsd}, or null when not given
 * @param cuts when over budget: what to cut, with the saving of each, largest first
 */
public record CostEstimate(
    String cloud,
    String priceDate,
    String priceSource,
    List<CostItem> items,
    double totalUsd,
    Map<String, Double> byCloud,
    Double budgetUsd,
    List<String> cuts) {
  public CostEstimate {
    items = List.copyOf(items);
    byCloud = Map.copyOf(byCloud);
    cuts = List.copyOf(cuts);
  }

  public boolean overBudget() {
    return budgetUsd != null && totalUsd > budgetUsd;
  }
}
