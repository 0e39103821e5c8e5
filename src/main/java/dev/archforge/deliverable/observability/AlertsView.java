package dev.archforge.deliverable.observability;

import dev.archforge.facts.AlertNames;
import dev.archforge.facts.deploy.Restores;
import dev.archforge.facts.deploy.SecondRegion;
import java.util.List;

/**
 * What {@code observability/alerts.yaml} holds: Prometheus rule groups of recording rules (the
 * SLI ratios per window) and alerting rules, each alert with its runbook text for RUNBOOK.md.
 *
 * @param telemetry where the runtime's telemetry goes (the telemetry fact's sentence), for RUNBOOK.md; empty
 *     when it has nothing to say for the runtime
 * @param restores how each cell's databases are restored in its recovery region, for RUNBOOK.md
 * @param second the second production region infra/ writes (backup-dr's warm standby or second active
 *     region), whose promotion RUNBOOK.md gives; null for none
 * @param failoverStepsMd the steps of that promotion, Markdown; empty for none
 */
public record AlertsView(String title, List<Group> groups, String telemetry, List<Restores> restores,
    SecondRegion second, List<String> failoverStepsMd, String notForCells) {
  public AlertsView {
    groups = List.copyOf(groups);
    restores = List.copyOf(restores);
    failoverStepsMd = List.copyOf(failoverStepsMd);
  }

  public AlertsView(String title, List<Group> groups) {
    this(title, groups, "", List.of(), null, List.of(), "");
  }

  /** A rule group: evaluated together, named after what it watches. */
  public record Group(String name, List<Rule> rules) {
    public Group {
      rules = List.copyOf(rules);
    }

    public List<Rule> alerts() {
      return rules.stream().filter(Rule::isAlert).toList();
    }
  }

  /**
   * A recording rule ({@code record} set) or an alerting rule ({@code alert} set). For alerts,
   * {@code meaning} and {@code checks} are the runbook: what firing means and what to look at
   * first.
   */
  public record Rule(
      String record,
      String alert,
      String expr,
      String forDuration,
      List<Label> labels,
      List<Label> annotations,
      String meaning,
      List<String> checks) {
    public Rule {
      labels = List.copyOf(labels);
      annotations = List.copyOf(annotations);
      checks = List.copyOf(checks);
    }

    public boolean isAlert() {
      return alert != null;
    }

    public String severity() {
      return labels.stream().filter(l -> l.name().equals("severity")).map(Label::value).findFirst().orElse("");
    }

    public String anchor() {
      return alert == null ? "" : AlertNames.anchor(alert);
    }

    static Rule recording(String record, String expr, List<Label> labels) {
      return new Rule(record, null, expr, null, labels, List.of(), null, List.of());
    }

    /** An alert with the three annotations every alert carries: summary, description, runbook_url. */
    static Rule alerting(String alert, String expr, String forDuration, String severity, String summary,
        String description, String meaning, List<String> checks) {
      return new Rule(null, alert, expr, forDuration, List.of(new Label("severity", severity)), List.of(
          new Label("summary", summary), new Label("description", description),
          new Label("runbook_url", "RUNBOOK.md#" + AlertNames.anchor(alert))), meaning, checks);
    }
  }

  /** A label or annotation. */
  public record Label(String name, String value) {}
}
