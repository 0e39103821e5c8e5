package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.CostItem;
import dev.archforge.model.Digits;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to cut when the estimate is over budget: a sentence per cut that the items make possible,
 * each with its monthly saving, largest first; then whether they bring the plan within budget, and
 * after how many, or that no design of these targets fits.
 */
final class BudgetCuts {
  /** What a 1-year commitment (reserved instances, savings plans, committed use) typically saves. */
  static final double RESERVED_DISCOUNT = 0.30;
  /** Share of the log volume kept when access logs are sampled and errors always kept. */
  static final double SAMPLED_LOG_SHARE = 0.1;

  /**
   * One cut: the share it removes from each line whose component starts with a key of
   * {@code shares}, or, when it changes the plan's shape (the runtime), a fixed saving.
   */
  private record Cut(String sentence, Map<String, Double> shares, double fixed) {
    double saving(Map<String, Double> amounts) {
      double sum = fixed;
      for (Map.Entry<String, Double> e : amounts.entrySet()) {
        sum += e.getValue() * share(e.getKey());
      }
      return sum;
    }

    double share(String component) {
      return shares.entrySet().stream().filter(e -> component.startsWith(e.getKey())).mapToDouble(Map.Entry::getValue)
          .findFirst().orElse(0);
    }
  }

  /** The cuts, largest saving first, and the verdict on the budget in one sentence. */
  record Outcome(List<String> cuts, String verdict) {}

  private BudgetCuts() {}

  /**
   * @param byDeployment the plan's total under each deployment option the estimate prices
   * @param regions the serving regions of one cell (of the system without {@code dataResidency}): cells
   *     never merge, so only a cell's own regions can be cut down to one
   */
  static Outcome of(Requirements r, Capacity c, Map<String, String> choices, List<CostItem> items, double total,
      double budget, Map<String, Double> byDeployment, int regions) {
    Map<String, Double> amounts = new LinkedHashMap<>();
    items.forEach(i -> amounts.merge(i.component(), i.monthlyUsd(), Double::sum));
    List<Cut> cuts = new ArrayList<>();
    double compute = sum(items, CostItems.COMPUTE);
    double database = sum(items, CostItems.DATABASE + " ") + sum(items, CostItems.READ_REPLICAS);
    if (regions > 1) {
      // the standby keeps one region's worth of what infra/'s standby root creates at production's size
      // (a database replica, cache, broker, network, keys), and its deployables at their replica floor
      double standby = 1 - 2.0 / regions;
      Map<String, Double> shares = new LinkedHashMap<>();
      shares.put(CostItems.COMPUTE, 1 - 1.0 / regions);
      shares.put(CostItems.DATABASE_STORAGE, standby);
      shares.put(OperationsCosts.METRICS, 1 - 1.0 / regions);
      CostItems.STANDBY_COPIES.forEach(line -> shares.put(line, standby));
      // the standby's compute as a share of one region's: its nodes of the pool's nodes at peak, or its pods
      StandbyCompute standbyCompute = StandbyCompute.of(r, c, choices.getOrDefault("deployment", "kubernetes"));
      double kept = standbyCompute.nodes() > 0
          ? standbyCompute.nodes() / (double) NodePool.of(c.services()).peak()
          : standbyCompute.pods() / (double) Math.max(1, c.services().stream()
              .mapToInt(s -> Math.max(s.hpaMin(), s.podsNeeded())).sum());
      cuts.add(new Cut("Serve from one region with a warm standby (a database replica, the cache, broker and network"
          + " at production's size, " + standbyCompute.what() + ") instead of " + regions
          + " active regions: saves about %s/month", shares, -compute / regions * kept));
    }
    if (compute + database > 0) {
      String what = compute > 0 && database > 0 ? "compute and database" : compute > 0 ? "compute" : "the database";
      cuts.add(new Cut("Commit to 1-year reserved capacity for " + what + ": saves about "
          + Math.round(RESERVED_DISCOUNT * 100) + " % = %s/month", Map.of(CostItems.COMPUTE, RESERVED_DISCOUNT,
          CostItems.DATABASE + " ", RESERVED_DISCOUNT, CostItems.READ_REPLICAS, RESERVED_DISCOUNT), 0));
    }
    String deployment = choices.getOrDefault("deployment", "kubernetes");
    Double current = byDeployment.get(deployment);
    byDeployment.entrySet().stream().filter(e -> current != null && e.getValue() < current)
        .min(Map.Entry.comparingByValue()).ifPresent(e -> cuts.add(new Cut("Run on " + e.getKey() + " instead of "
            + deployment + " (see the deployment record's options): saves about %s/month", Map.of(),
            current - e.getValue())));
    if (CostItems.standby(r, choices) && database > 0) {
      int copies = 2 + (int) items.stream().filter(i -> i.component().startsWith(CostItems.READ_REPLICAS)).count();
      cuts.add(new Cut("Run the database without a standby in another zone (a zone failure then means restoring from"
          + " backups: hours of downtime, which an availability target of " + Driver.number(r.scale().availability())
          + " % allows only rarely): saves about %s/month", Map.of(CostItems.DATABASE + " ", 0.5,
          CostItems.DATABASE_STORAGE, 1.0 / copies), 0));
    }
    if (sum(items, OperationsCosts.CDN) > 0) {
      cuts.add(new Cut("Drop the CDN and cache at the gateway: saves about %s/month", Map.of(OperationsCosts.CDN, 1.0),
          0));
    }
    if (sum(items, CostItems.CACHE) > 0 && r.scale().availability() >= CostItems.REPLICA_AVAILABILITY) {
      cuts.add(new Cut("Run the cache without a replica (it refills from the database after a failure): saves about"
          + " %s/month", Map.of(CostItems.CACHE, 0.5), 0));
    }
    cuts.add(new Cut("Sample access logs (keep " + Math.round(SAMPLED_LOG_SHARE * 100) + " % of requests, every"
        + " error): saves about %s/month", Map.of(OperationsCosts.LOGS, 1 - SAMPLED_LOG_SHARE), 0));
    String style = choices.get("architecture-style");
    List<ServiceSizing> services = c.services();
    if (compute > 0 && style != null && !style.equals("modular-monolith") && services.size() > 1) {
      int now = services.stream().mapToInt(s -> Math.max(s.hpaMin(), s.podsNeeded())).sum();
      int after = monolithPods(c, services.get(0));
      cuts.add(new Cut("Run " + services.size() + " services as one modular monolith until the team grows: about "
          + after + " pods at peak instead of " + now + " (no internal calls, fewer pods held at the availability"
          + " floor), saves about %s/month", Map.of(CostItems.COMPUTE, (now - after) / (double) now), 0));
    }
    List<Cut> sorted = cuts.stream().filter(cut -> Math.round(cut.saving(amounts)) > 0)
        .sorted(Comparator.comparingDouble((Cut cut) -> cut.saving(amounts)).reversed()).toList();
    return new Outcome(sorted.stream().map(cut -> cut.sentence().replace("%s", usd(cut.saving(amounts)))).toList(),
        verdict(sorted, amounts, total, budget));
  }

  /**
   * Applies the cuts in order until the plan fits: each takes its share of what the cuts before it
   * left of a line (two cuts of one line do not save twice), a fixed saving in proportion to what is
   * left of the whole.
   */
  private static String verdict(List<Cut> cuts, Map<String, Double> amounts, double total, double budget) {
    Map<String, Double> left = new LinkedHashMap<>(amounts);
    double fixed = 0;
    double now = total;
    for (int i = 0; i < cuts.size(); i++) {
      Cut cut = cuts.get(i);
      fixed += cut.fixed() * now / total;
      left.replaceAll((component, usd) -> usd * (1 - cut.share(component)));
      now = left.values().stream().mapToDouble(Double::doubleValue).sum() - fixed;
      if (now <= budget) {
        return (i == 0 ? "The first cut brings" : "The first " + (i + 1) + " cuts bring") + " the plan to about "
            + usd(now) + "/month, within the budget of " + usd(budget) + ".";
      }
    }
    return "No design with these targets fits the budget: even with every cut above, the plan costs about "
        + usd(now) + "/month against " + usd(budget) + ". Raise the budget, or lower what drives the cost:"
        + " the availability target (standbys and replicas), the regions, or the scale.";
  }

  /**
   * The pods one deployable needs for the regional traffic, at the pod capacity and utilisation the
   * first service was sized with (read from its podsNeeded figure): no call is forwarded inside it.
   */
  private static int monolithPods(Capacity c, ServiceSizing first) {
    double podRps = 0;
    double utilization = 1;
    for (Figure f : first.figures()) {
      if (f.key().endsWith(".podsNeeded")) {
        for (Driver in : f.inputs()) {
          if (in.key().startsWith("podRps.")) {
            podRps = (Double) in.value();
          } else if (in.key().equals("targetUtilization")) {
            utilization = (Double) in.value();
          }
        }
      }
    }
    double regionalRps = c.figure("regionalRps").map(Figure::value).orElse(0.0);
    int needed = podRps == 0 ? 1 : Math.max(1, PodSizing.ceil(regionalRps / (podRps * utilization)));
    return Math.max(first.hpaMin(), needed);
  }

  /** Whole dollars with thousands separators, e.g. {@code $12,300}. */
  static String usd(double amount) {
    return "$" + Digits.grouped(Math.round(amount));
  }

  private static double sum(List<CostItem> items, String componentPrefix) {
    return items.stream().filter(i -> i.component().startsWith(componentPrefix)).mapToDouble(CostItem::monthlyUsd).sum();
  }
}
