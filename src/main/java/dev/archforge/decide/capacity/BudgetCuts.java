package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.CostItem;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to cut when the estimate is over budget: a sentence per cut that the items make possible,
 * each with its monthly saving, largest first.
 */
final class BudgetCuts {
  /** What a 1-year commitment (reserved instances, savings plans, committed use) typically saves. */
  static final double RESERVED_DISCOUNT = 0.30;

  private record Cut(double saving, String sentence) {}

  private BudgetCuts() {}

  static List<String> of(Requirements r, Capacity c, Map<String, String> choices, List<CostItem> items) {
    List<Cut> cuts = new ArrayList<>();
    int regions = r.scale().regions();
    double compute = sum(items, CostItems.COMPUTE);
    double database = sum(items, CostItems.DATABASE + " ");
    if (regions > 1) {
      double scaled = compute + database;
      double fixed = sum(items, CostItems.CONTROL_PLANE) + sum(items, CostItems.DATABASE_STORAGE)
          + sum(items, CostItems.CACHE) + sum(items, CostItems.BROKER + " (Kafka)")
          + sum(items, CostItems.BROKER + " (RabbitMQ)") + sum(items, CostItems.LOAD_BALANCER);
      double standby = (database + sum(items, CostItems.DATABASE_STORAGE)) / regions;
      double after = fixed / regions + scaled / regions * (regions - 1) + standby;
      cuts.add(new Cut(fixed + scaled - after, "Serve from one region with a warm standby (a database replica, no"
          + " compute) instead of " + regions + " active regions: saves about %s/month"));
    }
    if (compute + database > 0) {
      String what = compute > 0 && database > 0 ? "compute and database" : compute > 0 ? "compute" : "the database";
      cuts.add(new Cut(RESERVED_DISCOUNT * (compute + database), "Commit to 1-year reserved capacity for " + what
          + ": saves about " + Math.round(RESERVED_DISCOUNT * 100) + " % = %s/month"));
    }
    double cdn = sum(items, CostItems.CDN);
    if (cdn > 0) {
      cuts.add(new Cut(cdn, "Drop the CDN and cache at the gateway: saves about %s/month"));
    }
    double cache = sum(items, CostItems.CACHE);
    if (cache > 0 && r.scale().availability() >= CostItems.REPLICA_AVAILABILITY) {
      cuts.add(new Cut(cache / 2, "Run the cache without a replica (it refills from the database after a failure):"
          + " saves about %s/month"));
    }
    String style = choices.get("architecture-style");
    List<ServiceSizing> services = c.services();
    if (compute > 0 && style != null && !style.equals("modular-monolith") && services.size() > 1) {
      int now = services.stream().mapToInt(s -> Math.max(s.hpaMin(), s.podsNeeded())).sum();
      int after = monolithPods(c, services.get(0));
      cuts.add(new Cut(compute * (now - after) / now, "Run " + services.size() + " services as one modular monolith"
          + " until the team grows: about " + after + " pods at peak instead of " + now + " (no internal calls, fewer"
          + " pods held at the availability floor), saves about %s/month"));
    }
    return cuts.stream().filter(cut -> Math.round(cut.saving()) > 0)
        .sorted(Comparator.comparingDouble(Cut::saving).reversed())
        .map(cut -> cut.sentence().replace("%s", usd(cut.saving()))).toList();
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
    return String.format(Locale.ROOT, "$%,d", Math.round(amount));
  }

  private static double sum(List<CostItem> items, String componentPrefix) {
    return items.stream().filter(i -> i.component().startsWith(componentPrefix)).mapToDouble(CostItem::monthlyUsd).sum();
  }
}
