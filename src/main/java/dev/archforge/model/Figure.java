package dev.archforge.model;

import java.util.List;

/**
 * One number of the capacity or cost arithmetic, with how it was reached.
 *
 * @param key a stable name, e.g. {@code peakRps} or {@code catalog.hpaMax}
 * @param label what it is, for a person, e.g. {@code Peak requests per second}
 * @param value the number
 * @param unit e.g. {@code req/s}, {@code GB}, {@code pods}, {@code USD/month}
 * @param formula how it is computed, in words and symbols, e.g.
 *     {@code ceil(rps / (podRps × targetUtilization))}
 * @param inputs the values the formula used, by name
 */
public record Figure(String key, String label, double value, String unit, String formula, List<Driver> inputs) {
  public Figure {
    inputs = List.copyOf(inputs);
  }

  public String shown() {
    return Driver.number(value);
  }
}
