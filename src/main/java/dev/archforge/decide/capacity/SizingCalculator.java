package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.in;
import static dev.archforge.decide.capacity.BaselineCalculator.n;

import dev.archforge.model.Capacity;
import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Driver;
import dev.archforge.model.Event;
import dev.archforge.model.Figure;
import dev.archforge.model.Language;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sizes the decided architecture: traffic per region, pods and HPA bounds per deployable, database
 * connections and whether a pooler is needed, storage, cache and broker partitions. Runs after the
 * decisions, whose choices it reads by topic.
 */
public final class SizingCalculator {
  /** A database should not be asked for more than this share of its connection limit. */
  static final double POOLER_SHARE = 0.8;
  /** How long a cache entry lives, in seconds. */
  static final int CACHE_TTL_SECONDS = 300;
  /** The size of one cached item, in KB. */
  static final int CACHE_ITEM_KB = 2;
  private static final Set<String> SQL = Set.of("postgresql", "mysql", "distributed-sql");
  private static final List<String> STORAGE = List.of("dataGb", "growthGbPerMonth", "storageGb12", "storageGb36",
      "provisionedGb36");

  private SizingCalculator() {}

  public static Capacity size(Requirements r, CapacityAssumptions a, Baseline b, Map<String, String> choices) {
    Scale scale = r.scale();
    List<Figure> figures = new ArrayList<>();
    List<String> assumptions = new ArrayList<>(b.assumptions());
    if (scale.assumed().contains("availability")) {
      assumptions.add("scale.availability not given: assumed " + n(scale.availability()) + " %.");
    }
    if (scale.assumed().contains("regions")) {
      assumptions.add("scale.regions not given: assumed " + scale.regions() + " region.");
    }
    for (String key : List.of("concurrentUsers", "peakRps", "readRps", "writeRps")) {
      figures.add(b.figure(key));
    }
    double peak = b.value("peakRps");
    int regions = scale.regions();
    double regionalRps = peak / Math.max(1, regions - 1);
    figures.add(new Figure("regionalRps", "Peak requests per second one region must carry", regionalRps, "req/s",
        regions > 1 ? "peakRps / max(1, regions − 1)" : "peakRps (one region)",
        List.of(in("peakRps", peak), in("regions", regions))));
    assumptions.add("Monthly volumes (messages, egress, logs, traces, function calls) are the peak rates × "
        + n(CostLines.AVERAGE_TO_PEAK) + " (a month's average traffic as a share of its peak) × 30 days.");
    if (regions > 1) {
      assumptions.add("With " + regions + " regions, each region is sized to take the whole traffic of a failed region"
          + " as well: regionalRps = peakRps / (regions − 1) = " + n(regionalRps) + " req/s; the sizing is per region.");
    }

    EventRates rates = new EventRates(r, scale.readRatio(), a.eventsPerWrite());
    ServiceTraffic.Split split = ServiceTraffic.split(r, regionalRps, scale.readRatio(), rates);
    String style = choices.get("architecture-style");
    boolean monolith = style == null || style.equals("modular-monolith");
    if (style == null) {
      assumptions.add("architecture-style not decided: sized as one deployable (a modular monolith).");
    }
    List<ServiceSizing> sizings = new ArrayList<>();
    if (monolith) {
      String name = r.project().name();
      List<Language> languages = r.project().team().languages();
      ServiceTraffic.Share share = new ServiceTraffic.Share(name, regionalRps, "regionalRps (one deployable)",
          List.of(in("regionalRps", regionalRps)));
      sizings.add(PodSizing.size(name, languages.isEmpty() ? Language.JAVA : languages.get(0), share,
          !r.entities().isEmpty(), "no entities", a, scale.availability()));
    } else {
      assumptions.addAll(split.assumptions());
      for (Service s : r.services()) {
        sizings.add(PodSizing.size(s.name(), s.language(), split.shares().get(s.name()), !s.entities().isEmpty(),
            "owns no entities", a, scale.availability()));
      }
    }

    if (BackendForFrontend.chosen(r, choices)) {
      sizings.add(PodSizing.size(BackendForFrontend.name(r.project()), BackendForFrontend.language(r.project()),
          BackendForFrontend.share(r.project(), regionalRps), false, "a BFF holds no data", a, scale.availability()));
    }
    STORAGE.forEach(key -> figures.add(b.figure(key)));
    boolean pooler = databases(r, a, choices.get("database"), monolith, sizings, figures, assumptions);
    String caching = choices.get("caching");
    if (caching != null && !caching.equals("none")) {
      figures.add(cache(b, a, regionalRps / peak));
    }
    String messaging = choices.get("messaging");
    if (messaging != null && !messaging.equals("none")) {
      messaging(r, a, split, rates, messaging.equals("kafka"), monolith ? sizings.get(0) : null, sizings, figures,
          assumptions);
      if (monolith && r.services().stream().anyMatch(s -> !s.publishes().isEmpty())) {
        assumptions.add("In the modular monolith, event rates use each module's share of the regional traffic,"
            + " split as if the modules were services.");
      }
    }
    return new Capacity(figures, sizings, pooler, assumptions);
  }

  /**
   * The cache holds the hot set: the share of the data read often, but never more than the reads of a
   * region can touch within the time an entry lives ({@value #CACHE_TTL_SECONDS} s, one item of
   * {@value #CACHE_ITEM_KB} KB per read); at least 1 GB.
   */
  private static Figure cache(Baseline b, CapacityAssumptions a, double regionalShare) {
    double gb12 = b.value("storageGb12");
    double reads = b.value("readRps") * regionalShare;
    double hot = gb12 * a.hotDataShare();
    double touched = reads * CACHE_TTL_SECONDS * CACHE_ITEM_KB / 1e6;
    return new Figure("cacheGb", "Cache size (the hot set, capped by what reads touch in a TTL)",
        Math.max(1, Math.min(hot, touched)), "GB", "max(1, min(storageGb12 × hotDataShare, readRps × regionalRps /"
            + " peakRps × cacheTtlSeconds × cacheItemKb / 1e6))",
        List.of(in("storageGb12", gb12), in("hotDataShare", a.hotDataShare()), in("readRps", b.value("readRps")),
            in("regionalRps / peakRps", regionalShare), in("cacheTtlSeconds", CACHE_TTL_SECONDS),
            in("cacheItemKb", CACHE_ITEM_KB)));
  }

  /** Adds one connections figure per SQL database and the pooler threshold; true when a pooler is needed. */
  private static boolean databases(Requirements r, CapacityAssumptions a, String database, boolean monolith,
      List<ServiceSizing> sizings, List<Figure> figures, List<String> assumptions) {
    if (database == null) {
      database = "postgresql";
      assumptions.add("database not decided: connections are counted as for PostgreSQL.");
    }
    if (!SQL.contains(database)) {
      assumptions.add("The database is " + database + ": connection counts and poolers apply to SQL databases"
          + " (postgresql, mysql) only, so no connection figures are given.");
      return false;
    }
    List<ServiceSizing> owners = sizings.stream().filter(s -> s.poolSize() > 0).toList();
    if (owners.isEmpty()) {
      return false;
    }
    double threshold = POOLER_SHARE * a.dbMaxConnections();
    boolean pooler = false;
    for (ServiceSizing s : owners) {
      figures.add(new Figure("db." + s.service() + ".connections", "Connections to the " + s.service()
              + " database at the HPA maximum", s.dbConnections(), "connections",
          monolith ? "poolSizePerPod × hpaMax (one database)" : "poolSizePerPod × hpaMax of " + s.service(),
          List.of(in("poolSizePerPod", s.poolSize()), in(s.service() + ".hpaMax", s.hpaMax()),
              in("dbMaxConnections", a.dbMaxConnections()))));
      pooler |= s.dbConnections() > threshold;
    }
    figures.add(new Figure("db.poolerThreshold", "Connections above which a pooler (PgBouncer, ProxySQL) is needed",
        threshold, "connections", "0.8 × dbMaxConnections", List.of(in("dbMaxConnections", a.dbMaxConnections()))));
    return pooler;
  }

  /**
   * Event rates per published event and, for Kafka, partitions per topic and in total: enough for
   * the rate, and at least as many as the most pods a consumer of the topic scales to, so that no
   * consumer pod sits idle without a partition.
   */
  private static void messaging(Requirements r, CapacityAssumptions a, ServiceTraffic.Split split, EventRates eventRates,
      boolean kafka, ServiceSizing monolith, List<ServiceSizing> sizings, List<Figure> figures,
      List<String> assumptions) {
    Map<String, Figure> rates = new LinkedHashMap<>();
    for (Event event : r.events()) {
      List<Service> publishers = eventRates.publishers(event);
      if (publishers.isEmpty()) {
        continue;
      }
      Map<String, Driver> inputs = new LinkedHashMap<>();
      List<String> terms = new ArrayList<>();
      double rate = 0;
      for (Service p : publishers) {
        EventRates.Part part = eventRates.part(event, p, split.rps(p.name()));
        rate += part.rate();
        terms.add(part.term());
        part.inputs().forEach(i -> inputs.put(i.key(), i));
      }
      rates.put(event.name(), new Figure("eventRps." + event.name(), event.name() + " events per second at peak",
          rate, "events/s", String.join(" + ", terms), List.copyOf(inputs.values())));
      if (event.ratePerSecond() == null) {
        assumptions.add(eventRates.assumption(event, rate));
      }
    }
    figures.addAll(rates.values());
    if (!kafka || rates.isEmpty()) {
      return;
    }
    double total = 0;
    List<Driver> parts = new ArrayList<>();
    for (Figure rate : rates.values()) {
      String event = rate.key().substring("eventRps.".length());
      int consumerPods = consumerPods(r, event, monolith, sizings);
      int partitions = Math.max(Math.max(a.minPartitions(), consumerPods),
          PodSizing.ceil(rate.value() / a.partitionMessagesPerSecond()));
      figures.add(new Figure("partitions." + event, "Kafka partitions of the " + event + " topic", partitions,
          "partitions", "max(minPartitions, ceil(eventRps / partitionMessagesPerSecond), consumerHpaMax)",
          List.of(in("eventRps", rate.value()), in("minPartitions", a.minPartitions()),
              in("partitionMessagesPerSecond", a.partitionMessagesPerSecond()), in("consumerHpaMax", consumerPods))));
      total += partitions;
      parts.add(in("partitions." + event, partitions));
    }
    figures.add(new Figure("partitions", "Kafka partitions in total", total, "partitions", "Σ partitions per topic",
        parts));
  }

  /**
   * The most pods any consumer of the event scales to: its service's, or, in a modular monolith
   * ({@code monolith} not null), the one deployable's.
   */
  private static int consumerPods(Requirements r, String event, ServiceSizing monolith, List<ServiceSizing> sizings) {
    int most = 0;
    for (Service s : r.services()) {
      if (s.consumes().contains(event)) {
        for (ServiceSizing z : monolith == null ? sizings : List.of(monolith)) {
          if (monolith != null || z.service().equals(s.name())) {
            most = Math.max(most, z.hpaMax());
          }
        }
      }
    }
    return most;
  }
}
