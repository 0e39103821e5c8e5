package dev.archforge.load;

import dev.archforge.model.Scale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code scale:}; every key is optional and each missing one is recorded as assumed. */
final class ScaleReader {
  static final List<String> KEYS = List.of("concurrentUsers", "peakRps", "readRatio", "dataGb", "growthGbPerMonth",
      "latencyP99Ms", "availability", "regions");
  /** A choice rather than a size: never an open question when left out (default false). */
  static final String MULTI_REGION_WRITES = "multiRegionWrites";
  private final Diagnostics diagnostics;

  ScaleReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Scale read(YamlMap root) {
    Optional<YamlMap> opened = root.map("scale");
    if (opened.isEmpty()) {
      return new Scale(null, null, 0.8, null, null, null, 99.9, 1, KEYS, false);
    }
    YamlMap map = opened.get();
    map.allowOnly(java.util.stream.Stream.concat(KEYS.stream(), java.util.stream.Stream.of(MULTI_REGION_WRITES)).toList());
    List<String> assumed = new ArrayList<>(KEYS.stream().filter(k -> !map.has(k)).toList());
    Integer users = map.whole("concurrentUsers", 1, 2_000_000_000).map(Long::intValue).orElse(null);
    Integer rps = map.whole("peakRps", 1, 2_000_000_000).map(Long::intValue).orElse(null);
    double readRatio = bounded(map, "readRatio", 0, 1).orElse(0.8);
    Double dataGb = bounded(map, "dataGb", 0, 1e9).orElse(null);
    Double growth = bounded(map, "growthGbPerMonth", 0, 1e9).orElse(null);
    Integer latency = map.whole("latencyP99Ms", 1, 600_000).map(Long::intValue).orElse(null);
    double availability = bounded(map, "availability", 90, 99.9999).orElse(99.9);
    int regions = map.whole("regions", 1, 20).map(Long::intValue).orElse(1);
    boolean multiRegionWrites = map.flag(MULTI_REGION_WRITES).orElse(false);
    return new Scale(users, rps, readRatio, dataGb, growth, latency, availability, regions, assumed, multiRegionWrites);
  }

  private Optional<Double> bounded(YamlMap map, String key, double min, double max) {
    Optional<BigDecimal> value = map.number(key);
    if (value.isPresent() && (value.get().doubleValue() < min || value.get().doubleValue() > max)) {
      diagnostics.error(map.value(key), "'" + map.path(key) + "' must be between " + plain(min) + " and " + plain(max)
          + ", not " + value.get().toPlainString()
          + (key.equals("availability") ? " (a percentage, e.g. 99.95)" : ""));
      return Optional.empty();
    }
    return value.map(BigDecimal::doubleValue);
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
