package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.deliverable.observability.AlertsView.Label;
import dev.archforge.deliverable.observability.AlertsView.Rule;
import dev.archforge.facts.AlertNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-window, multi-burn-rate alerts after the Google SRE workbook (chapter "Alerting on SLOs"):
 * for each SLO target and each SLI (availability, latency), recording rules of the error ratio
 * over 5m, 30m, 1h, 6h and 3d, a fast-burn page (1h and 5m above 14.4× the budget), a slow-burn
 * page (6h and 30m above 6×) and a ticket (3d and 6h above 1×).
 */
final class BurnRateRules {
  /** The record name of the error ratio over a window. */
  static String ratio(String window) {
    return "slo:sli_error:ratio_rate" + window;
  }

  static final List<String> WINDOWS = List.of("5m", "30m", "1h", "6h", "3d");

  /** One of the three alert policies: its windows, factor, severity and {@code for}. */
  record Policy(String speed, String longWindow, String shortWindow, BigDecimal factor, String severity,
      String forDuration, String share) {
    /** Days until the 30-day budget is gone at this burn rate. */
    BigDecimal daysToExhaust() {
      return BigDecimal.valueOf(30).divide(factor, 1, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }
  }

  static final List<Policy> POLICIES = List.of(
      new Policy("Fast", "1h", "5m", new BigDecimal("14.4"), "page", "2m", "2 %"),
      new Policy("Slow", "6h", "30m", new BigDecimal("6"), "page", "15m", "5 %"),
      new Policy("Ticket", "3d", "6h", BigDecimal.ONE, "ticket", "1h", "10 %"));

  private BurnRateRules() {}

  static Group group(SloTarget t, Runbooks runbooks) {
    List<Rule> rules = new ArrayList<>();
    String count = t.histogram() + "_count{" + t.selector() + "}";
    String errors = t.histogram() + "_count{" + t.selector() + "," + t.errors() + "}";
    String fast = t.histogram() + "_bucket{" + t.selector() + "," + t.leMatcher() + "}";
    for (String w : WINDOWS) {
      rules.add(Rule.recording(ratio(w), "sum(rate(" + errors + "[" + w + "])) / sum(rate(" + count + "[" + w
          + "]))", labels(t, "availability")));
    }
    for (String w : WINDOWS) {
      rules.add(Rule.recording(ratio(w), "1 - sum(rate(" + fast + "[" + w + "])) / sum(rate(" + count + "[" + w
          + "]))", labels(t, "latency")));
    }
    for (String sli : List.of("availability", "latency")) {
      BigDecimal budget = sli.equals("availability") ? t.budget() : BigDecimal.ONE.movePointLeft(2);
      for (Policy p : POLICIES) {
        String name = AlertNames.burn(t.service(), sli, p.speed());
        String threshold = p.factor().multiply(budget).stripTrailingZeros().toPlainString();
        String select = "{service=\"" + t.service() + "\",sli=\"" + sli + "\"}";
        String expr = ratio(p.longWindow()) + select + " > " + threshold + " and " + ratio(p.shortWindow()) + select
            + " > " + threshold;
        rules.add(Rule.alerting(name, expr, p.forDuration(), p.severity(), summary(t, sli, p),
            description(t, sli, p), runbooks.burnMeaning(t, sli, p), runbooks.burnChecks(t, sli)));
      }
    }
    return new Group("slo-" + t.service(), rules);
  }

  private static List<Label> labels(SloTarget t, String sli) {
    return List.of(new Label("service", t.service()), new Label("sli", sli));
  }

  private static String objective(SloTarget t, String sli) {
    return sli.equals("availability") ? t.availability().toPlainString() + " % of requests succeed"
        : SloTarget.LATENCY_OBJECTIVE.toPlainString() + " % of requests finish within " + t.latency();
  }

  private static String summary(SloTarget t, String sli, Policy p) {
    return t.service() + " burns its " + sli + " error budget at more than " + p.factor().toPlainString()
        + "× the sustainable rate";
  }

  private static String description(SloTarget t, String sli, Policy p) {
    return "The objective is " + objective(t, sli) + " over 30 days. Over the last " + p.longWindow() + " (and "
        + p.shortWindow() + ") the error ratio exceeded " + p.factor().toPlainString() + "× the budget: "
        + p.share() + " of the 30-day budget is spent in " + p.longWindow() + ", and all of it would be gone in "
        + p.daysToExhaust().toPlainString() + " days.";
  }
}
