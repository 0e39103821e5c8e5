package dev.archforge.decide.capacity;

import dev.archforge.model.Budget;
import dev.archforge.model.Capacity;
import dev.archforge.model.CellEstimate;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.CostItem;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order-of-magnitude monthly cost, itemised, from the capacity figures and a dated price
 * table; checked against {@code project.budget.monthlyUsd}, with what to cut when over it. Under
 * {@code dataResidency} every cell is priced on its own share and the estimate is their sum.
 */
public final class CostEstimator {
  private CostEstimator() {}

  public static CostEstimate estimate(Requirements r, Capacity c, Map<String, String> choices, Prices p) {
    return estimate(r, c, choices, p, List.of());
  }

  /** @param cells the residency cells' shares and sizing ({@link CellShares}); empty: one system */
  public static CostEstimate estimate(Requirements r, Capacity c, Map<String, String> choices, Prices p,
      List<CellShares.CellPlan> cells) {
    if (p.byCloud().isEmpty()) {
      throw new IllegalArgumentException("the price table has no cloud");
    }
    Map<String, List<CostItem>> itemsByCloud = new TreeMap<>();
    Map<String, Double> totals = new TreeMap<>();
    for (String cloud : p.byCloud().keySet()) {
      List<CostItem> items = items(r, c, choices, p, cloud, cells);
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
      byDeployment.put(deployment, total(items(r, c, with, p, cloud, cells)));
    }
    List<CellEstimate> perCell = new ArrayList<>();
    for (CellShares.CellPlan cell : cells) {
      List<CostItem> bill = CostItems.of(cell.requirements(), cell.capacity(), choices, p, cloud);
      perCell.add(new CellEstimate(cell.jurisdiction(), cell.share(), cell.basis(), cell.capacity(), bill,
          total(bill)));
    }
    Budget budget = r.project().budget();
    Double budgetUsd = budget == null || budget.monthlyUsd() == null ? null : budget.monthlyUsd().doubleValue();
    int regionsPerCell = cells.isEmpty() ? r.scale().regions() : cells.stream()
        .mapToInt(cell -> cell.requirements().scale().regions()).max().orElse(1);
    BudgetCuts.Outcome outcome = budgetUsd != null && total > budgetUsd
        ? BudgetCuts.of(r, c, choices, items, total, budgetUsd, byDeployment, regionsPerCell)
        : new BudgetCuts.Outcome(List.of(), null);
    return new CostEstimate(cloud, p.asOf(), source, items, total, totals, budgetUsd, outcome.cuts(),
        outcome.verdict(), byDeployment, perCell);
  }

  /**
   * One cloud's lines: the system's, or under {@code dataResidency} every cell's, each component
   * followed by its cell ({@code Compute (managed containers), cell eu}), cell by cell.
   */
  private static List<CostItem> items(Requirements r, Capacity c, Map<String, String> choices, Prices p, String cloud,
      List<CellShares.CellPlan> cells) {
    if (cells.isEmpty()) {
      return CostItems.of(r, c, choices, p, cloud);
    }
    List<CostItem> all = new ArrayList<>();
    for (CellShares.CellPlan cell : cells) {
      CostItems.of(cell.requirements(), cell.capacity(), choices, p, cloud).forEach(i -> all.add(new CostItem(
          i.component() + ", cell " + cell.jurisdiction(), i.sizing(), i.monthlyUsd(), i.formula(), i.priceDate())));
    }
    return all;
  }

  private static double total(List<CostItem> items) {
    return CostLines.round(items.stream().sorted(Comparator.comparingDouble(CostItem::monthlyUsd))
        .mapToDouble(CostItem::monthlyUsd).sum());
  }
}
