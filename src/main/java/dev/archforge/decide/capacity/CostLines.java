package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.CostItem;
import dev.archforge.model.Prices;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lines of one cloud's estimate as they are added, with what every group of lines reads: the
 * requirements, the capacity figures, the choices and that cloud's dated prices.
 */
final class CostLines {
  /** 30 days. */
  static final double SECONDS_PER_MONTH = 2_592_000;
  /** Average traffic over a month as a share of the peak: turns peak rates into monthly volumes. */
  static final double AVERAGE_TO_PEAK = 0.3;

  final Requirements r;
  final Capacity c;
  final int regions;
  private final Map<String, String> choices;
  private final Prices p;
  private final String cloud;
  private final List<CostItem> items = new ArrayList<>();

  CostLines(Requirements r, Capacity c, Map<String, String> choices, Prices p, String cloud) {
    this.r = r;
    this.c = c;
    this.choices = choices;
    this.p = p;
    this.cloud = cloud;
    this.regions = r.scale().regions();
  }

  /** The lines, largest first. */
  List<CostItem> sorted() {
    return items.stream().sorted(Comparator.comparingDouble(CostItem::monthlyUsd).reversed()).toList();
  }

  Map<String, String> choices() {
    return choices;
  }

  /** The cloud these lines price. */
  String cloud() {
    return cloud;
  }

  String choice(String topic, String otherwise) {
    return choices.getOrDefault(topic, otherwise);
  }

  boolean isChosen(String topic) {
    String choice = choices.get(topic);
    return choice != null && !choice.equals("none");
  }

  double value(String key) {
    return c.figure(key).orElseThrow(() -> new IllegalStateException("capacity lacks figure " + key)).value();
  }

  double price(String item) {
    return p.price(cloud, item);
  }

  /** Pods at peak over every deployable of one region: the larger of the HPA minimum and the pods needed. */
  int podsPerRegion() {
    return c.services().stream().mapToInt(s -> Math.max(s.hpaMin(), s.podsNeeded())).sum();
  }

  /** The monthly price of one pod of the first deployable's size on the given per-vCPU and per-GiB prices. */
  double podMonth(String vcpuItem, String gibItem) {
    ServiceSizing first = c.services().get(0);
    return first.cpuMillis() / 1000.0 * price(vcpuItem) + first.memoryMib() / 1024.0 * price(gibItem);
  }

  /** A monthly volume from a peak rate: rate × averageToPeak × secondsPerMonth. */
  static double monthly(double peakRate) {
    return peakRate * AVERAGE_TO_PEAK * SECONDS_PER_MONTH;
  }

  /**
   * Adds a line; its price date is the oldest date of the price items it uses.
   *
   * @param priceItems the price table's items the amount is computed from
   */
  void add(String component, String sizing, double usd, String formula, String... priceItems) {
    String date = java.util.Arrays.stream(priceItems).map(i -> p.date(cloud, i)).min(Comparator.naturalOrder())
        .orElse(p.asOf());
    items.add(new CostItem(component, sizing, round(usd), formula, date));
  }

  /**
   * Whether the plan runs a warm standby region: backup-dr chooses it and no {@code dataResidency}
   * splits the system into cells, for which no standby region is written (facts/deploy/SecondRegion).
   */
  boolean standbyRegion() {
    return choice("backup-dr", "").equals("warm-standby-region") && r.dataResidency().isEmpty();
  }

  /**
   * Whether infra/ writes a second production root in another region: for the warm standby, or for
   * active-active's second serving region (none under {@code dataResidency}).
   */
  boolean secondRoot() {
    String mode = choice("backup-dr", "");
    return (mode.equals("warm-standby-region") || mode.equals("active-active")) && r.dataResidency().isEmpty();
  }

  /** The sum of the lines added so far whose component starts with {@code component}. */
  double amount(String component) {
    return items.stream().filter(i -> i.component().startsWith(component)).mapToDouble(CostItem::monthlyUsd).sum();
  }

  static double round(double usd) {
    return Math.round(usd * 100) / 100.0;
  }
}
