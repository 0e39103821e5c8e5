package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.model.Capacity;
import dev.archforge.model.Figure;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizingCalculatorTest {
  private static Capacity size(Requirements r, Map<String, String> choices) {
    return SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD), choices);
  }

  private static double value(Capacity c, String key) {
    return c.figure(key).orElseThrow(() -> new AssertionError("no figure " + key)).value();
  }

  @Test
  void aModularMonolithIsOneDeployableCarryingAllTheTraffic() {
    Capacity c = size(Inputs.sample("ecommerce"), Inputs.choices("architecture-style", "modular-monolith",
        "database", "postgresql", "caching", "redis", "messaging", "kafka", "deployment", "kubernetes"));

    assertThat(c.services()).hasSize(1);
    ServiceSizing shop = c.services().get(0);
    // one region: regionalRps = peakRps = 5000; java pods: ceil(5000 / (300 × 0.7 = 210)) = ceil(23.8) = 24
    // availability 99.95 → floor 2; hpaMax = max(3, ceil(24 × 2)) = 48; 10 connections × 48 = 480
    assertThat(shop.service()).isEqualTo("shop");
    assertThat(shop.rps()).isEqualTo(5000);
    assertThat(shop.podsNeeded()).isEqualTo(24);
    assertThat(shop.hpaMin()).isEqualTo(2);
    assertThat(shop.hpaMax()).isEqualTo(48);
    assertThat(shop.cpuMillis()).isEqualTo(500);
    assertThat(shop.memoryMib()).isEqualTo(1024);
    assertThat(shop.poolSize()).isEqualTo(10);
    assertThat(shop.dbConnections()).isEqualTo(480);
    assertThat(shop.figures()).extracting(Figure::key)
        .containsExactly("shop.rps", "shop.podsNeeded", "shop.hpaMin", "shop.hpaMax", "shop.dbConnections");
    assertThat(shop.figures().get(1).formula()).isEqualTo("max(1, ceil(rps / (podRps.java × targetUtilization)))");
    assertThat(shop.figures().get(3).formula()).isEqualTo("max(hpaMin + 1, ceil(podsNeeded × burstFactor))");

    // 480 connections > 0.8 × 200 = 160 → a pooler is needed
    assertThat(value(c, "db.shop.connections")).isEqualTo(480);
    assertThat(value(c, "db.poolerThreshold")).isEqualTo(160);
    assertThat(c.poolerNeeded()).isTrue();
    // cache: the hot set, 980 GB after 12 months × 0.2 = 196 GB, capped by what the region's reads touch while an
    // entry lives: 4500 reads/s × 1 (one region) × 300 s × 2 KB / 1e6 = 2.7 GB
    assertThat(value(c, "cacheGb")).isCloseTo(2.7, within(1e-9));
    assertThat(c.figure("cacheGb").orElseThrow().formula()).isEqualTo("max(1, min(storageGb12 × hotDataShare,"
        + " readRps × regionalRps / peakRps × cacheTtlSeconds × cacheItemKb / 1e6))");
    // modules split as services would: orders 2500, catalog 2500 + 2500 = 5000 (orders calls it)
    // ProductPriceChanged, a state change of Product, one of catalog's 2 entities: 5000 × 0.1 / 2 = 250/s
    // → max(3, ceil(0.25)) = 3 partitions (no consumer)
    // OrderPlaced, of Order, one of orders' 3 entities: 2500 × 0.1 / 3 = 83.3/s, consumed by inventory, a module of
    // shop, which scales to 48 pods → max(3, ceil(0.08), 48) = 48 partitions, so that every pod of the consumer
    // group has one; 51 in total
    assertThat(value(c, "eventRps.ProductPriceChanged")).isCloseTo(250, within(1e-6));
    assertThat(value(c, "eventRps.OrderPlaced")).isCloseTo(2500 * 0.1 / 3, within(1e-6));
    assertThat(c.figure("eventRps.OrderPlaced").orElseThrow().formula())
        .isEqualTo("orders.rps × (1 − readRatio) / 3 entities (writes of Order)");
    assertThat(value(c, "partitions.OrderPlaced")).isEqualTo(48);
    assertThat(value(c, "partitions.ProductPriceChanged")).isEqualTo(3);
    assertThat(value(c, "partitions")).isEqualTo(51);
    assertThat(c.figures()).extracting(Figure::key).containsExactly("concurrentUsers", "peakRps", "readRps",
        "writeRps", "regionalRps", "dataGb", "growthGbPerMonth", "storageGb12", "storageGb36", "provisionedGb36",
        "db.shop.connections", "db.poolerThreshold", "cacheGb", "eventRps.OrderPlaced",
        "eventRps.ProductPriceChanged", "partitions.OrderPlaced", "partitions.ProductPriceChanged", "partitions");
  }

  @Test
  void microservicesSplitPublicTrafficAndForwardCalls() {
    Capacity c = size(Inputs.sample("ecommerce"), Inputs.choices("architecture-style", "microservices",
        "database", "postgresql", "caching", "none", "messaging", "none"));

    // catalog and orders are public: 5000 / 2 = 2500 each; orders calls catalog: 2500 + 2500 = 5000;
    // catalog calls inventory: 5000 (inventory is called, so its consumed events do not add)
    assertThat(c.services()).extracting(ServiceSizing::service).containsExactly("catalog", "orders", "inventory");
    ServiceSizing catalog = c.service("catalog").orElseThrow();
    ServiceSizing orders = c.service("orders").orElseThrow();
    ServiceSizing inventory = c.service("inventory").orElseThrow();
    assertThat(catalog.rps()).isEqualTo(5000);
    assertThat(catalog.figures().get(0).formula()).isEqualTo("regionalRps / publicServices + orders.rps");
    assertThat(orders.rps()).isEqualTo(2500);
    assertThat(inventory.rps()).isEqualTo(5000);
    assertThat(inventory.figures().get(0).formula()).isEqualTo("catalog.rps");
    // orders: ceil(2500 / 210 = 11.9) = 12 pods, hpa 2..24, 240 connections; catalog, inventory: 24, 2..48, 480
    assertThat(orders.podsNeeded()).isEqualTo(12);
    assertThat(orders.hpaMax()).isEqualTo(24);
    assertThat(orders.dbConnections()).isEqualTo(240);
    assertThat(inventory.hpaMax()).isEqualTo(48);
    assertThat(value(c, "db.catalog.connections")).isEqualTo(480);
    assertThat(value(c, "db.orders.connections")).isEqualTo(240);
    assertThat(value(c, "db.inventory.connections")).isEqualTo(480);
    assertThat(c.figure("cacheGb")).isEmpty();
    assertThat(c.figure("partitions")).isEmpty();
    assertThat(c.assumptions()).contains("Each synchronous call is counted once per request: a called service"
        + " receives the full request rate of each of its callers.");
  }

  @Test
  void aServiceReachedOnlyByEventsGetsThePublishersWriteRate() {
    Capacity c = size(Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000\nreadRatio: 0.8\nregions: 3\navailability: 99.99")),
        Inputs.choices("architecture-style", "microservices", "database", "postgresql", "messaging", "kafka"));

    // 3 regions: each takes a failed region's share too: 1000 / (3 − 1) = 500 req/s per region
    assertThat(value(c, "regionalRps")).isEqualTo(500);
    // api is the only public service: 500; worker: ItemCreated is a state change of Item, api's only entity:
    // 500 × (1 − 0.8) = 100
    ServiceSizing api = c.service("api").orElseThrow();
    ServiceSizing worker = c.service("worker").orElseThrow();
    assertThat(api.rps()).isEqualTo(500);
    assertThat(worker.rps()).isCloseTo(100, within(1e-9));
    assertThat(worker.figures().get(0).formula())
        .isEqualTo("api.rps × (1 − readRatio) (writes of Item) [ItemCreated]");
    // 99.99 % → floor 3; api: ceil(500 / 210) = 3 pods, hpaMax = max(4, 6) = 6; worker: 1 pod, hpaMax max(4, 2) = 4
    assertThat(api.podsNeeded()).isEqualTo(3);
    assertThat(api.hpaMin()).isEqualTo(3);
    assertThat(api.hpaMax()).isEqualTo(6);
    assertThat(worker.podsNeeded()).isEqualTo(1);
    assertThat(worker.hpaMax()).isEqualTo(4);
    // ItemCreated: 500 × 0.2 = 100/s, consumed by worker (hpaMax 4) → max(3, ceil(0.1), 4) = 4 partitions
    assertThat(value(c, "partitions.ItemCreated")).isEqualTo(4);
    assertThat(c.assumptions()).contains(
        "With 3 regions, each region is sized to take the whole traffic of a failed region as well: regionalRps ="
            + " peakRps / (regions − 1) = 500 req/s; the sizing is per region.",
        "A service reached only by events is sized from the rate of the events it consumes: one request per event.",
        "events.ItemCreated.ratePerSecond not given: 100 events/s at peak, derived as a state change: one event per"
            + " write of the entity it is about (Item).");
  }

  @Test
  void twoRegionsEachCarryTheWholePeak() {
    Capacity c = size(Inputs.yaml(Inputs.apiAndWorker("peakRps: 1000\nregions: 2")),
        Inputs.choices("architecture-style", "modular-monolith"));
    // 1000 / max(1, 2 − 1) = 1000
    assertThat(value(c, "regionalRps")).isEqualTo(1000);
    assertThat(c.services().get(0).rps()).isEqualTo(1000);
  }

  @ParameterizedTest
  @CsvSource({"99.5, 1, 2", "99.9, 2, 3", "99.95, 2, 3", "99.99, 3, 4"})
  void theHpaMinimumIsTheAvailabilityFloor(double availability, int hpaMin, int hpaMax) {
    Capacity c = size(Inputs.yaml(Inputs.apiAndWorker("peakRps: 10\navailability: " + availability)),
        Inputs.choices("architecture-style", "modular-monolith"));
    ServiceSizing demo = c.services().get(0);
    // 10 req/s needs one pod; it is shown as is below the floor; hpaMax = max(floor + 1, ceil(1 × 2))
    assertThat(demo.podsNeeded()).isEqualTo(1);
    assertThat(demo.hpaMin()).isEqualTo(hpaMin);
    assertThat(demo.hpaMax()).isEqualTo(hpaMax);
  }

  @ParameterizedTest
  @CsvSource({"1680, 8, 16, 160, false", "1700, 9, 18, 180, true"})
  void aPoolerIsNeededAboveEightyPercentOfTheConnectionLimit(int peakRps, int pods, int hpaMax, int connections,
      boolean pooler) {
    Capacity c = size(Inputs.yaml(Inputs.apiAndWorker("peakRps: " + peakRps + "\navailability: 99.9")),
        Inputs.choices("architecture-style", "modular-monolith", "database", "postgresql"));
    // 1680 / 210 = 8 exactly → 16 max → 160 connections, not above 160; 1700 / 210 = 8.1 → 9 → 18 → 180 > 160
    ServiceSizing demo = c.services().get(0);
    assertThat(demo.podsNeeded()).isEqualTo(pods);
    assertThat(demo.hpaMax()).isEqualTo(hpaMax);
    assertThat(value(c, "db.demo.connections")).isEqualTo(connections);
    assertThat(c.poolerNeeded()).isEqualTo(pooler);
  }

  @Test
  void aCallCycleIsComputedOnceAndSaidSo() {
    Requirements r = Inputs.yaml("""
        archforge: 1
        project:
          name: loop
        scale:
          peakRps: 100
        services:
          front:
            exposure: public
            calls: [back]
          back:
            calls: [front]
        """);
    Capacity c = size(r, Inputs.choices("architecture-style", "microservices"));
    // front: 100 (the call back → front closes the cycle and is not counted); back: front's 100
    assertThat(c.service("front").orElseThrow().rps()).isEqualTo(100);
    assertThat(c.service("back").orElseThrow().rps()).isEqualTo(100);
    assertThat(c.assumptions()).anyMatch(s -> s.startsWith("The call back → front closes a cycle"));
    // no entities: no pools and no connection figures
    assertThat(c.service("front").orElseThrow().dbConnections()).isZero();
    assertThat(c.figure("db.poolerThreshold")).isEmpty();
  }

  @Test
  void withNoPublicServiceAllServicesShareTheTraffic() {
    Requirements r = Inputs.yaml("""
        archforge: 1
        project:
          name: jobs
        scale:
          peakRps: 900
        services:
          one: {}
          two: {}
          three: {}
        """);
    Capacity c = size(r, Inputs.choices("architecture-style", "serverless"));
    assertThat(c.services()).extracting(ServiceSizing::rps).containsExactly(300.0, 300.0, 300.0);
    assertThat(c.services().get(0).figures().get(0).formula()).isEqualTo("regionalRps / services");
  }

  @Test
  void connectionsAreNotCountedForANonSqlDatabase() {
    Capacity c = size(Inputs.sample("iot-telemetry"), Inputs.choices("architecture-style", "microservices",
        "database", "cassandra", "messaging", "kafka"));
    assertThat(c.figures()).noneMatch(f -> f.key().startsWith("db."));
    assertThat(c.poolerNeeded()).isFalse();
    assertThat(c.assumptions()).anyMatch(s -> s.startsWith("The database is cassandra"));
    // 2 regions: 200000 per region; ingest, devices, analytics are public: 200000 / 3 each;
    // ReadingReceived, of Reading, ingest's only entity: 66666.67 × (1 − 0.1) = 60000/s → ceil(60000 / 1000) = 60 partitions for the
    // rate, but its busiest consumer scales to more pods, and each needs a partition
    assertThat(value(c, "eventRps.ReadingReceived")).isCloseTo(60_000, within(1e-6));
    int consumerPods = c.services().stream().filter(z -> List.of("analytics", "alerts").contains(z.service()))
        .mapToInt(ServiceSizing::hpaMax).max().orElseThrow();
    assertThat(consumerPods).isGreaterThan(60);
    assertThat(value(c, "partitions.ReadingReceived")).isEqualTo(consumerPods);
  }
}
