package dev.archforge.deliverable.observability;

import java.util.List;

/**
 * What {@code observability/SLO.md} shows: the SLIs and SLOs per target service, error budgets,
 * the burn-rate alert policy, the telemetry conventions the rules rely on, the dashboards to
 * build and an index of every alert. Fields named {@code ...Md} hold Markdown built from
 * requirement names and fixed text.
 */
public record SloView(
    String title,
    String introMd,
    List<TargetRow> targets,
    List<String> notesMd,
    List<PolicyRow> policies,
    List<Convention> metrics,
    List<String> loggingMd,
    List<String> tracingMd,
    List<String> dashboardsMd,
    List<AlertRow> alerts,
    String exampleAlert,
    String sliMd) {
  public SloView {
    targets = List.copyOf(targets);
    notesMd = List.copyOf(notesMd);
    policies = List.copyOf(policies);
    metrics = List.copyOf(metrics);
    loggingMd = List.copyOf(loggingMd);
    tracingMd = List.copyOf(tracingMd);
    dashboardsMd = List.copyOf(dashboardsMd);
    alerts = List.copyOf(alerts);
  }

  /** One SLO target with its numbers ready to print. */
  public record TargetRow(String service, String deployable, String availability, String budgetMinutes,
      String latency, String selector, String histogram) {}

  /** One burn-rate policy. */
  public record PolicyRow(String alert, String severity, String longWindow, String shortWindow, String factor,
      String spent, String exhausted, String forDuration) {}

  /** One metric the rules read: the signal, its Prometheus name and labels, who exports it. */
  public record Convention(String signal, String metric, String labels, String source) {}

  /** One alert of alerts.yaml, for the index. */
  public record AlertRow(String name, String anchor, String severity, String group, String summary) {}
}
