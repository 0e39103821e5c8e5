package dev.archforge.decide.capacity;

import dev.archforge.model.Budget;
import dev.archforge.model.Capacity;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.CostItem;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order-of-magnitude monthly cost, itemised, from the capacity figures and a dated price
 * table; checked against {@code project.budget.monthlyUsd}, with what to cut when over it.
 */
public final class CostEstimator {
  private CostEstimator() {}

  public static CostEstimate estimate(Requirements r, Capacity c, Map<String, String> choices, Prices p) {
    if (p.byCloud().isEmpty()) {
      throw new IllegalArgumentException("the price table has no cloud");
    }
    Map<String, List<CostItem>> itemsByCloud = new TreeMap<>();
    Map<String, Double> totals = new TreeMap<>();
    for (String cloud : p.byCloud().keySet()) {
      List<CostItem> items = CostItems.of(r, c, choices, p, cloud);
      itemsByCloud.put(cloud, items);
      totals.put(cloud, total(items));
    }
    String wanted = r.project().cloud().spelling();
    String cloud = wanted;
    String source = p.source();
    if (!itemsByCloud.containsKey(wanted)) {
      cloud = totals.entrySet().stream().min(Map.Entry.<String, Double>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
      source = source + (wanted.equals("any")
          ? " project.cloud is any: priced on " + cloud + ", the cheapest cloud of the table for this plan."
          : " project.cloud is " + wanted + ", which the price table lacks: priced on " + cloud
              + ", the cheapest cloud of the table for this plan.");
    }
    List<CostItem> items = itemsByCloud.get(cloud);
    double total = totals.get(cloud);
    Map<String, Double> byDeployment = new LinkedHashMap<>();
    for (String deployment : CostItems.DEPLOYMENTS) {
      Map<String, String> with = new LinkedHashMap<>(choices);
      with.put("deployment", deployment);
      byDeployment.put(deployment, total(CostItems.of(r, c, with, p, cloud)));
    }
    Budget budget = r.project().budget();
    Double budgetUsd = budget == null || budget.monthlyUsd() == null ? null : budget.monthlyUsd().doubleValue();
    BudgetCuts.Outcome outcome = budgetUsd != null && total > budgetUsd
        ? BudgetCuts.of(r, c, choices, items, total, budgetUsd, byDeployment) : new BudgetCuts.Outcome(List.of(), null);
    return new CostEstimate(cloud, p.asOf(), source, items, total, totals, budgetUsd, outcome.cuts(),
        outcome.verdict(), byDeployment);
  }

  private static double total(List<CostItem> items) {
    return CostLines.round(items.stream().sorted(Comparator.comparingDouble(CostItem::monthlyUsd))
        .mapToDouble(CostItem::monthlyUsd).sum());
  }
}
