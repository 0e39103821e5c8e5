package dev.archforge.load;

import dev.archforge.model.Prices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a blueprint's {@code prices.yaml}: the date the prices were checked, where they come
 * from, the currency (USD) and, per cloud, a monthly or unit price per item. A child blueprint's
 * file overrides its parent's items one by one and may add a cloud, which must then price every
 * item. {@link #ITEMS} are the names the cost estimate
 * ({@code dev.archforge.decide.capacity.CostEstimator}) asks for.
 */
final class PriceReader {
  static final List<String> TOP_KEYS = List.of("asOf", "source", "currency", "clouds");
  static final List<String> ITEMS = List.of("clusterMonth", "vcpuMonth", "gibMonth", "dbVcpuMonth", "storageGbMonth",
      "backupGbMonth", "cacheGibMonth", "brokerMonth", "queueNodeMonth", "pubsubPerMillion", "cdnGb",
      "loadBalancerMonth", "functionsPerMillion", "containerVcpuMonth", "containerGibMonth", "natGatewayMonth",
      "natGb", "internetEgressGb", "crossRegionGb", "logsGb", "metricsPerMillionSamples", "tracesPerMillion",
      "secretMonth", "kmsKeyMonth", "distributedSqlVcpuMonth", "dynamoWriteMillion", "dynamoReadMillion",
      "dynamoReplicatedWriteMillion", "dynamoWcuMonth", "dynamoRcuMonth", "dynamoReplicatedWcuMonth",
      "dynamoStorageGbMonth", "dynamoPitrGbMonth", "dynamoBackupGbMonth");
  static final String CURRENCY = "USD";

  private PriceReader() {}

  /**
   * @param text the content of prices.yaml
   * @param d the diagnostics of that file
   * @param parent the table of the blueprint this one extends, or null for a root blueprint
   * @return the merged table, or empty when d holds errors
   */
  static Optional<Prices> read(String text, Diagnostics d, Prices parent) {
    Optional<Node> root = SafeYaml.parse(text, d);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlMap> opened = YamlMap.open(root.get(), "", d);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = opened.get();
    map.allowOnly(TOP_KEYS);
    Node rootNode = root.get();
    String asOf = parent == null ? null : parent.asOf();
    Optional<String> date = parent == null ? map.requiredText("asOf", rootNode) : map.text("asOf");
    if (date.isPresent()) {
      try {
        asOf = LocalDate.parse(date.get()).toString();
      } catch (DateTimeParseException e) {
        d.error(map.value("asOf"), "'asOf' must be a date like 2026-11-01, not '" + date.get() + "'");
      }
    }
    String source = (parent == null ? map.requiredText("source", rootNode) : map.text("source"))
        .orElse(parent == null ? null : parent.source());
    Optional<String> currency = parent == null ? map.requiredText("currency", rootNode) : map.text("currency");
    if (currency.isPresent() && !currency.get().equals(CURRENCY)) {
      d.error(map.value("currency"), "'currency' must be " + CURRENCY + ", not '" + currency.get()
          + "': the estimate and budget are in US dollars");
    }
    Map<String, Map<String, Double>> clouds = new TreeMap<>();
    Map<String, Map<String, String>> dates = new TreeMap<>();
    if (parent != null) {
      parent.byCloud().forEach((cloud, items) -> clouds.put(cloud, new LinkedHashMap<>(items)));
      parent.byCloud().forEach((cloud, items) -> items.keySet().forEach(item ->
          dates.computeIfAbsent(cloud, c -> new TreeMap<>()).put(item, parent.date(cloud, item))));
    } else if (!map.has("clouds")) {
      d.error(rootNode, "'clouds' is required: a mapping of cloud (aws, gcp, azure) to its item prices");
    }
    String dated = asOf;
    map.map("clouds").ifPresent(cloudMap -> readClouds(cloudMap, clouds, d, (cloud, item) ->
        dates.computeIfAbsent(cloud, c -> new TreeMap<>()).put(item, dated)));
    if (map.has("clouds") && clouds.isEmpty()) {
      d.error(map.value("clouds"), "'clouds' must price at least one cloud");
    }
    if (d.hasErrors()) {
      return Optional.empty();
    }
    Map<String, Map<String, Double>> immutable = new TreeMap<>();
    clouds.forEach((cloud, items) -> immutable.put(cloud, Map.copyOf(items)));
    Map<String, Map<String, String>> immutableDates = new TreeMap<>();
    dates.forEach((cloud, items) -> immutableDates.put(cloud, Map.copyOf(items)));
    return Optional.of(new Prices(asOf, source, immutable, immutableDates));
  }

  private static void readClouds(YamlMap cloudMap, Map<String, Map<String, Double>> clouds, Diagnostics d,
      BiConsumer<String, String> read) {
    List<String> known = List.copyOf(clouds.keySet());
    for (String cloud : cloudMap.keys()) {
      if (!cloud.matches("[a-z][a-z0-9-]{1,39}")) {
        d.error(cloudMap.keyNode(cloud), "cloud '" + cloud + "' must be a lowercase name like aws, gcp or azure");
        continue;
      }
      Optional<YamlMap> items = cloudMap.map(cloud);
      if (items.isEmpty()) {
        if (!cloudMap.has(cloud)) {
          d.error(cloudMap.keyNode(cloud), "'clouds." + cloud + "' must be a mapping of item to price");
        }
        continue;
      }
      items.get().allowOnly(ITEMS);
      Map<String, Double> prices = clouds.computeIfAbsent(cloud, c -> new LinkedHashMap<>());
      for (String item : ITEMS) {
        Optional<BigDecimal> price = items.get().number(item);
        if (price.isPresent() && price.get().signum() < 0) {
          d.error(items.get().value(item), "'" + items.get().path(item) + "' must not be negative, not "
              + price.get().toPlainString());
        } else {
          price.ifPresent(p -> {
            prices.put(item, p.doubleValue());
            read.accept(cloud, item);
          });
        }
      }
      List<String> lacking = ITEMS.stream().filter(i -> !prices.containsKey(i) && !items.get().has(i)).toList();
      if (!lacking.isEmpty()) {
        String also = known.isEmpty() ? "" : " (it is not in the parent's table: " + String.join(", ", known)
            + Suggestions.hint(cloud, known) + ")";
        d.error(cloudMap.keyNode(cloud), "cloud '" + cloud + "' lacks prices for " + String.join(", ", lacking)
            + also + "; a cloud must price every item");
      }
    }
  }
}
