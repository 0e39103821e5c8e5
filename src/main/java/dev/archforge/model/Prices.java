package dev.archforge.model;

import java.util.Map;

/**
 * A dated price table ({@code prices.yaml} of a blueprint): list prices per cloud and item, in
 * USD, e.g. {@code aws → vcpuMonth → 30.0}. Users override it in their own blueprint.
 *
 * @param asOf the day the prices were checked
 * @param source where they come from, in words
 * @param byCloud cloud id → item → USD
 */
public record Prices(String asOf, String source, Map<String, Map<String, Double>> byCloud) {
  public Prices {
    byCloud = Map.copyOf(byCloud);
  }

  public double price(String cloud, String item) {
    Double value = byCloud.getOrDefault(cloud, Map.of()).get(item);
    if (value == null) {
      throw new IllegalStateException("no price for " + item + " on " + cloud);
    }
    return value;
  }
}
