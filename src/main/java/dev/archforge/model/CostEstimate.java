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
 * @param verdict when over budget: whether the cuts bring the plan within it, and after how many, or
 *     that no design with these targets fits; else null
 * @param byDeployment the total on {@code cloud} under each deployment option the estimate prices
 *     ({@code kubernetes}, {@code managed-containers}, {@code serverless}, {@code vm}), in that order
 * @param cells under {@code dataResidency}, each cell's share, sizing and bill, in the order of the
 *     cells; {@code items} are then every cell's lines and {@code totalUsd} their sum; else empty
 */
public record CostEstimate(
    String cloud,
    String priceDate,
    String priceSource,
    List<CostItem> items,
    double totalUsd,
    Map<String, Double> byCloud,
    Double budgetUsd,
    List<String> cuts,
    String verdict,
    Map<String, Double> byDeployment,
    List<CellEstimate> cells) {
  public CostEstimate {
    cells = List.copyOf(cells);
    items = List.copyOf(items);
    byCloud = Map.copyOf(byCloud);
    cuts = List.copyOf(cuts);
    byDeployment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byDeployment));
  }

  public boolean overBudget() {
    return budgetUsd != null && totalUsd > budgetUsd;
  }
}
