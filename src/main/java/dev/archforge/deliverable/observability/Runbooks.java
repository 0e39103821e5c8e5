package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.BurnRateRules.Policy;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook text shared by several alerts: the first checks for a service whose SLO burns, and
 * the names of the dashboards and commands that apply to this system's runtime.
 */
final class Runbooks {
  private final RunningSystem sys;
  private final Plan plan;

  Runbooks(RunningSystem sys, Plan plan) {
    this.sys = sys;
    this.plan = plan;
  }

  /** {@code shop database} or {@code orders database}. */
  String database(String deployable) {
    return deployable + " database";
  }

  boolean tracing() {
    return sys.observability().startsWith("opentelemetry");
  }

  int hpaMax(String deployable) {
    return plan.capacity() == null ? 0 : plan.capacity().service(deployable).map(ServiceSizing::hpaMax).orElse(0);
  }

  String rollback(String deployable) {
    return switch (sys.deployment()) {
      case "kubernetes" -> "Did a rollout of `" + deployable + "` start it? `kubectl rollout history deployment/"
          + deployable + "`; roll back with `kubectl rollout undo deployment/" + deployable + "` (or revert in Git "
          + "when deployments go through GitOps).";
      case "vm" -> "Did a new machine image of `" + deployable + "` start it? Roll the autoscaling group back to the "
          + "previous image.";
      default -> "Did a new version of `" + deployable + "` start it? Shift traffic back to the previous version.";
    };
  }

  String traces(String deployable) {
    return tracing() ? "Traces of failing requests: `service.name = " + deployable + "` with status error; follow "
        + "the slowest or failing span to the component that caused it."
        : "Error logs of `" + deployable + "`, grouped by `trace_id`, for the first failing component.";
  }

  String burnMeaning(SloTarget t, String sli, Policy p) {
    String what = sli.equals("availability") ? "more requests fail than its " + t.availability().toPlainString()
        + " % objective allows (a budget of " + t.budgetMinutes().toPlainString() + " minutes of errors per 30 days)"
        : "more than 1 % of its requests take longer than " + t.latency();
    String urgency = p.severity().equals("page") ? "Page: at this rate the budget is gone in "
        + p.daysToExhaust().toPlainString() + " days, so act now." : "Ticket: the budget is being spent steadily; "
        + "fix it within working hours before the 30-day window runs out.";
    return t.service() + ": " + what + ". Over " + p.longWindow() + " and " + p.shortWindow() + " the error ratio "
        + "is above " + p.factor().toPlainString() + "× the budget. " + urgency;
  }

  List<String> burnChecks(SloTarget t, String sli) {
    List<String> checks = new ArrayList<>();
    checks.add("Dashboard *SLO: " + t.service() + "*: which " + (t.grpc() ? "`rpc_method` and `rpc_grpc_status_code`"
        : "`http_route` and `http_response_status_code`") + " values fail or are slow, and since when.");
    checks.add(rollback(t.deployable()));
    Service service = sys.services().stream().filter(s -> s.name().equals(t.service())).findFirst().orElseThrow();
    if (!service.entities().isEmpty()) {
      checks.add(sys.sql() ? "The " + database(t.deployable()) + ": connections in use against the pool, and the "
          + "slowest statements (" + (sys.database().equals("postgresql") ? "`pg_stat_statements`"
          : "the performance schema") + ")." : "The " + database(t.deployable()) + ": read and write latency and "
          + "timeouts per node.");
    }
    if (!service.calls().isEmpty()) {
      checks.add("The " + (sys.monolith() ? "modules" : "services") + " it calls, `"
          + String.join("`, `", service.calls()) + "`: their error rates and "
          + "whether a circuit breaker is open.");
    }
    if (sli.equals("latency") && sys.kubernetes()) {
      checks.add("Saturation of `" + t.deployable() + "`: CPU against its limits, and whether the autoscaler sits "
          + "at its maximum of " + hpaMax(t.deployable()) + " pods.");
    }
    checks.add(traces(t.deployable()));
    return checks;
  }
}
