package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertTestsView.Check;
import dev.archforge.deliverable.observability.AlertTestsView.Expected;
import dev.archforge.deliverable.observability.AlertTestsView.Series;
import dev.archforge.deliverable.observability.AlertTestsView.TestCase;
import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.deliverable.observability.AlertsView.Label;
import dev.archforge.deliverable.observability.AlertsView.Rule;
import dev.archforge.facts.AlertNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unit tests for the burn-rate alerts (and the first broker lag alert), for
 * {@code promtool test rules}. Each scenario samples a minute apart for seven hours:
 *
 * <ul>
 *   <li>fast burn: six clean hours, then one hour at 20× the budget — the 1h/5m page fires, the
 *       6h/30m page does not (the 6-hour ratio is only 20/6 ≈ 3.3× the budget);
 *   <li>slow burn: one clean hour, then six hours at 8× the budget — the 6h/30m page and the
 *       3d/6h ticket fire, the 1h/5m page does not;
 *   <li>in the fast-burn hour, 20 % of the successful requests are also slower than the latency
 *       threshold (20× the 1 % budget) — the fast latency page fires, the slow one does not.
 * </ul>
 *
 * <p>Rules are evaluated every 5 minutes in the tests, which keeps promtool quick and changes no
 * outcome: every condition holds far longer than its {@code for}.
 */
final class AlertTests {
  static final long PER_MINUTE = 1_000_000;
  static final String EVAL = "420m";

  private final List<Rule> alerts;
  private final List<String> skipped = new ArrayList<>();

  AlertTests(List<Group> groups) {
    this.alerts = groups.stream().flatMap(g -> g.alerts().stream()).toList();
  }

  /** Targets whose budget is too large for a fast burn to be possible, as warnings. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  List<TestCase> tests(List<SloTarget> targets, Optional<Series> lagSeries, String lagAlert) {
    List<TestCase> tests = new ArrayList<>();
    for (SloTarget t : targets) {
      BigDecimal b = t.budget();
      Optional<BigDecimal> fast = between(b, new BigDecimal("14.4"), new BigDecimal("36"), new BigDecimal("20"));
      Optional<BigDecimal> slow = between(b, new BigDecimal("6"), new BigDecimal("14.4"), new BigDecimal("8"));
      if (fast.isEmpty() || slow.isEmpty()) {
        skipped.add("observability: the availability objective of " + t.service() + " (" + t.availability()
            .toPlainString() + " %) leaves a budget so large that a 14.4× burn is impossible; its burn-rate "
            + "alerts have no unit test.");
        continue;
      }
      tests.add(availability(t, fast.get(), 360, 60, "Fast", "Slow"));
      tests.add(availability(t, slow.get(), 60, 360, "Slow", "Fast"));
    }
    lagSeries.ifPresent(s -> tests.add(new TestCase("a consumer that falls behind pages (" + lagAlert + ")", "1m",
        List.of(s), List.of(check("20m", lagAlert, true)))));
    return tests;
  }

  /** A burn ratio r with low·b &lt; r &lt; high·b and r &lt; 1: preferably preferred·b. */
  static Optional<BigDecimal> between(BigDecimal budget, BigDecimal low, BigDecimal high, BigDecimal preferred) {
    BigDecimal min = low.multiply(budget);
    if (min.compareTo(BigDecimal.ONE) >= 0) {
      return Optional.empty();
    }
    BigDecimal r = preferred.multiply(budget);
    BigDecimal ceiling = high.multiply(budget).min(BigDecimal.ONE);
    if (r.compareTo(ceiling) >= 0) {
      r = min.add(ceiling).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
    }
    return Optional.of(r);
  }

  private TestCase availability(SloTarget t, BigDecimal ratio, int cleanMinutes, int badMinutes, String fires,
      String quiet) {
    long bad = ratio.multiply(BigDecimal.valueOf(PER_MINUTE)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    long good = PER_MINUTE - bad;
    String count = t.histogram() + "_count{" + labels(t) + ",";
    String ok = t.grpc() ? "rpc_grpc_status_code=\"0\"}" : "http_response_status_code=\"200\"}";
    String failed = t.grpc() ? "rpc_grpc_status_code=\"14\"}" : "http_response_status_code=\"500\"}";
    List<Series> series = new ArrayList<>(List.of(
        new Series(count + ok, phases(PER_MINUTE, cleanMinutes, good, badMinutes)),
        new Series(count + failed, phases(0, cleanMinutes, bad, badMinutes))));
    List<Check> checks = new ArrayList<>();
    checks.add(check(EVAL, AlertNames.burn(t.service(), "availability", fires), true));
    checks.add(check(EVAL, AlertNames.burn(t.service(), "availability", quiet), false));
    String latency = "";
    if (fires.equals("Slow")) {
      checks.add(check(EVAL, AlertNames.burn(t.service(), "availability", "Ticket"), true));
    } else {
      // the same hour, 20 % of the successful requests are slower than the threshold: 20× the 1 % budget
      long fast = good - good / 5;
      series.add(new Series(t.histogram() + "_bucket{" + labels(t) + "," + ok.substring(0, ok.length() - 1)
          + ",le=\"" + t.le() + "\"}", phases(PER_MINUTE, cleanMinutes, fast, badMinutes)));
      checks.add(check(EVAL, AlertNames.burn(t.service(), "latency", "Fast"), true));
      checks.add(check(EVAL, AlertNames.burn(t.service(), "latency", "Slow"), false));
      latency = ", and 20 % of requests slower than " + t.latency() + " page the fast latency alert";
    }
    return new TestCase(t.service() + ": " + (fires.equals("Fast") ? "an hour at " : "six hours at ")
        + ratio.divide(t.budget(), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "× the "
        + "availability budget pages the " + fires.toLowerCase(java.util.Locale.ROOT) + "-burn alert, not the "
        + quiet.toLowerCase(java.util.Locale.ROOT) + "-burn one" + latency, "1m", series, checks);
  }

  /** The labels that put a series under a target's selector. */
  static String labels(SloTarget t) {
    StringBuilder sb = new StringBuilder();
    for (String matcher : t.selector().split(",(?=[a-z_]+=)")) {
      int eq = matcher.indexOf('=');
      String name = matcher.substring(0, eq);
      String value = matcher.substring(eq + 1).replaceFirst("^~", "").replace("\"", "");
      value = switch (name) {
        case "http_route" -> "/" + t.service() + "/v1";
        case "rpc_service" -> value.replace("[.]", ".").replace(".*", "v1.Api");
        default -> value;
      };
      sb.append(sb.isEmpty() ? "" : ",").append(name).append("=\"").append(value).append('"');
    }
    return sb.toString();
  }

  /** A counter that rises by {@code first} a minute for {@code n} minutes, then by {@code second} for {@code m}. */
  static String phases(long first, int n, long second, int m) {
    long at = first * n + second;
    return "0+" + first + "x" + n + " " + at + "+" + second + "x" + (m - 1);
  }

  private Check check(String at, String alert, boolean fires) {
    Rule rule = alerts.stream().filter(r -> r.alert().equals(alert)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no alert " + alert));
    if (!fires) {
      return new Check(at, alert, List.of());
    }
    List<Label> labels = new ArrayList<>(rule.labels());
    String expr = rule.expr();
    int brace = expr.indexOf('{');
    if (expr.startsWith("slo:") && brace > 0) {
      String select = expr.substring(brace + 1, expr.indexOf('}'));
      for (String pair : select.split(",")) {
        String[] kv = pair.split("=", 2);
        labels.add(new Label(kv[0], kv[1].replace("\"", "")));
      }
    }
    labels.sort(java.util.Comparator.comparing(Label::name));
    return new Check(at, alert, List.of(new Expected(labels, rule.annotations())));
  }
}
