package dev.archforge.decide.capacity;

import dev.archforge.model.Figure;
import java.util.List;

/**
 * The traffic and storage numbers every later step starts from, computed before any decision so
 * that rules can use them as facts.
 *
 * @param figures {@code concurrentUsers}, {@code peakRps}, {@code readRps}, {@code writeRps},
 *     {@code dataGb}, {@code growthGbPerMonth}, {@code storageGb12}, {@code storageGb36},
 *     {@code provisionedGb36}, in that order
 * @param assumptions one sentence for every value that was assumed rather than given
 */
public record Baseline(List<Figure> figures, List<String> assumptions) {
  public Baseline {
    figures = List.copyOf(figures);
    assumptions = List.copyOf(assumptions);
  }

  /** The value of the figure named {@code key}; an unknown key is a programming error. */
  public double value(String key) {
    return figure(key).value();
  }

  public Figure figure(String key) {
    return figures.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no baseline figure '" + key + "'"));
  }
}
