package dev.archforge.load;

import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Language;
import dev.archforge.model.Spelled;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code capacity:} section of a blueprint into {@link CapacityAssumptions}. Each key
 * overrides the parent blueprint's value one by one ({@code podRps} language by language); a
 * root blueprint must give every key. Values are checked against their ranges at their node.
 */
final class CapacityReader {
  /** How a numeric key is read and checked. */
  private record Rule(String key, boolean whole, double min, boolean minExclusive, double max) {
    String range() {
      return (minExclusive ? "greater than " : "at least ") + plain(min) + " and at most " + plain(max);
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule("requestsPerUserPerSecond", false, 0, true, 1000),
      new Rule("defaultConcurrentUsers", true, 1, false, 2_000_000_000),
      new Rule("defaultDataGb", false, 0, false, 1e9),
      new Rule("defaultGrowthGbPerMonth", false, 0, false, 1e9),
      new Rule("targetUtilization", false, 0, true, 1),
      new Rule("burstFactor", false, 1, false, 100),
      new Rule("podCpuMillis", true, 1, false, 256_000),
      new Rule("podMemoryMib", true, 1, false, 1_048_576),
      new Rule("poolSizePerPod", true, 1, false, 10_000),
      new Rule("dbMaxConnections", true, 1, false, 1_000_000),
      new Rule("storageOverhead", false, 1, false, 100),
      new Rule("hotDataShare", false, 0, false, 1),
      new Rule("partitionMessagesPerSecond", true, 1, false, 10_000_000),
      new Rule("eventsPerWrite", false, 0, false, 1000),
      new Rule("minPartitions", true, 1, false, 10_000));
  static final List<String> KEYS = Stream.concat(RULES.stream().map(Rule::key), Stream.of("podRps")).toList();
  private static final List<String> LANGUAGES = Spelled.spellings(Language.class);

  private CapacityReader() {}

  /**
   * @param section the {@code capacity:} mapping, or null when the blueprint has none
   * @param parent the assumptions of the blueprint this one extends, or null for a root blueprint
   * @return the assumptions, or null when some key has no value (the problem is reported in d)
   */
  static CapacityAssumptions read(YamlMap section, CapacityAssumptions parent, Diagnostics d) {
    if (section == null) {
      if (parent == null) {
        d.errorAtStart("the blueprint has no 'capacity:' section; give every capacity assumption ("
            + String.join(", ", KEYS) + ") or extend a blueprint that does (e.g. extends: standard)");
      }
      return parent;
    }
    section.allowOnly(KEYS);
    Map<String, Double> values = parent == null ? new LinkedHashMap<>() : values(parent);
    Map<String, Integer> podRps = new LinkedHashMap<>(parent == null ? Map.of() : parent.podRps());
    boolean complete = true;
    for (Rule rule : RULES) {
      Optional<Double> value = value(section, rule, d);
      value.ifPresent(v -> values.put(rule.key(), v));
      if (!values.containsKey(rule.key())) {
        complete = false;
        if (!section.has(rule.key())) {
          missing(section, "'" + section.path(rule.key()) + "' is required", d);
        }
      }
    }
    complete &= podRps(section, podRps, d);
    if (!complete) {
      return null;
    }
    return new CapacityAssumptions(values.get("requestsPerUserPerSecond"), whole(values, "defaultConcurrentUsers"),
        values.get("defaultDataGb"), values.get("defaultGrowthGbPerMonth"), podRps, values.get("targetUtilization"),
        values.get("burstFactor"), whole(values, "podCpuMillis"), whole(values, "podMemoryMib"),
        whole(values, "poolSizePerPod"), whole(values, "dbMaxConnections"), values.get("storageOverhead"),
        values.get("hotDataShare"), whole(values, "partitionMessagesPerSecond"), values.get("eventsPerWrite"),
        whole(values, "minPartitions"));
  }

  private static Optional<Double> value(YamlMap section, Rule rule, Diagnostics d) {
    if (rule.whole()) {
      return section.whole(rule.key(), (long) rule.min(), (long) rule.max()).map(Long::doubleValue);
    }
    Optional<BigDecimal> number = section.number(rule.key());
    if (number.isEmpty()) {
      return Optional.empty();
    }
    double v = number.get().doubleValue();
    boolean low = rule.minExclusive() ? v <= rule.min() : v < rule.min();
    if (low || v > rule.max()) {
      d.error(section.value(rule.key()), "'" + section.path(rule.key()) + "' must be " + rule.range() + ", not "
          + number.get().toPlainString());
      return Optional.empty();
    }
    return Optional.of(v);
  }

  /** Reads {@code podRps} over the parent's; true when every language has a value. */
  private static boolean podRps(YamlMap section, Map<String, Integer> podRps, Diagnostics d) {
    Optional<YamlMap> map = section.map("podRps");
    boolean invalid = false;
    if (map.isPresent()) {
      map.get().allowOnly(LANGUAGES);
      for (String language : LANGUAGES) {
        Optional<Long> value = map.get().whole(language, 1, 1_000_000);
        value.ifPresent(v -> podRps.put(language, v.intValue()));
        invalid |= map.get().has(language) && value.isEmpty();
      }
    } else if (section.has("podRps")) {
      return false;
    }
    List<String> lacking = LANGUAGES.stream().filter(l -> !podRps.containsKey(l)).toList();
    if (!lacking.isEmpty() && !invalid) {
      String message = "'" + section.path("podRps") + "' needs a value for every language; it lacks "
          + String.join(", ", lacking);
      if (section.has("podRps")) {
        d.error(section.value("podRps"), message);
      } else {
        missing(section, message, d);
      }
    }
    return lacking.isEmpty();
  }

  private static void missing(YamlMap section, String message, Diagnostics d) {
    String hint = message + " (set it, or extend a blueprint that does, e.g. extends: standard)";
    if (section.keys().isEmpty()) {
      d.errorAtStart(hint);
    } else {
      Node first = section.keyNode(section.keys().iterator().next());
      d.error(first, hint);
    }
  }

  private static Map<String, Double> values(CapacityAssumptions a) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("requestsPerUserPerSecond", a.requestsPerUserPerSecond());
    values.put("defaultConcurrentUsers", (double) a.defaultConcurrentUsers());
    values.put("defaultDataGb", a.defaultDataGb());
    values.put("defaultGrowthGbPerMonth", a.defaultGrowthGbPerMonth());
    values.put("targetUtilization", a.targetUtilization());
    values.put("burstFactor", a.burstFactor());
    values.put("podCpuMillis", (double) a.podCpuMillis());
    values.put("podMemoryMib", (double) a.podMemoryMib());
    values.put("poolSizePerPod", (double) a.poolSizePerPod());
    values.put("dbMaxConnections", (double) a.dbMaxConnections());
    values.put("storageOverhead", a.storageOverhead());
    values.put("hotDataShare", a.hotDataShare());
    values.put("partitionMessagesPerSecond", (double) a.partitionMessagesPerSecond());
    values.put("eventsPerWrite", a.eventsPerWrite());
    values.put("minPartitions", (double) a.minPartitions());
    return values;
  }

  private static int whole(Map<String, Double> values, String key) {
    return values.get(key).intValue();
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
