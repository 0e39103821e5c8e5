package dev.archforge.model;

import java.util.Map;

/**
 * A dated price table ({@code prices.yaml} of a blueprint): list prices per cloud and item, in
 * USD, e.g. {@code aws → vcpuMonth → 30.0}. Users override it in their own blueprint.
 *
 * @param asOf the day the prices were checked
 * @param source where they come from, in words
 * @param byCloud cloud id → item → USD
 * @param dates cloud id → item → the day that price was checked: the {@code asOf} of the table it
 *     comes from (a team blueprint's override carries its own table's date); an item missing here
 *     is dated {@code asOf}
 */
public record Prices(String asOf, String source, Map<String, Map<String, Double>> byCloud,
    Map<String, Map<String, String>> dates) {
  public Prices {
    byCloud = Map.copyOf(byCloud);
    dates = Map.copyOf(dates);
  }

  /** A table whose every price is dated {@code asOf}. */
  public Prices(String asOf, String source, Map<String, Map<String, Double>> byCloud) {
    this(asOf, source, byCloud, Map.of());
  }

  public double price(String cloud, String item) {
    Double value = byCloud.getOrDefault(cloud, Map.of()).get(item);
    if (value == null) {
      throw new IllegalStateException("no price for " + item + " on " + cloud);
    }
    return value;
  }

  /** The day the price of {@code item} on {@code cloud} was checked. */
  public String date(String cloud, String item) {
    return dates.getOrDefault(cloud, Map.of()).getOrDefault(item, asOf);
  }
}
