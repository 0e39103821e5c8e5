package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertsView.Label;
import java.util.List;

/**
 * What {@code observability/alerts.test.yaml} holds: unit tests for {@code promtool test rules}
 * that feed synthetic series to the rules of alerts.yaml and state which alerts fire.
 */
public record AlertTestsView(String ruleFile, List<TestCase> tests) {
  public AlertTestsView {
    tests = List.copyOf(tests);
  }

  /** One scenario: input series sampled every {@code interval}, and the alerts expected at given times. */
  public record TestCase(String name, String interval, List<Series> series, List<Check> checks) {
    public TestCase {
      series = List.copyOf(series);
      checks = List.copyOf(checks);
    }
  }

  /** One input series in promtool's expanding notation, e.g. {@code 0+100x60}. */
  public record Series(String series, String values) {}

  /** The alerts named {@code alertname} that are firing at {@code evalTime}; none when the list is empty. */
  public record Check(String evalTime, String alertname, List<Expected> expected) {
    public Check {
      expected = List.copyOf(expected);
    }
  }

  /** One firing alert: all its labels but {@code alertname}, and all its annotations. */
  public record Expected(List<Label> labels, List<Label> annotations) {
    public Expected {
      labels = List.copyOf(labels);
      annotations = List.copyOf(annotations);
    }
  }
}
