package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.deliverable.observability.BurnRateRules.Policy;
import dev.archforge.deliverable.observability.SloView.AlertRow;
import dev.archforge.deliverable.observability.SloView.Convention;
import dev.archforge.deliverable.observability.SloView.PolicyRow;
import dev.archforge.deliverable.observability.SloView.TargetRow;
import dev.archforge.facts.AlertNames;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Api;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/** Assembles SLO.md from the targets, the rule groups and the plan's runtime. */
final class SloViewBuilder {
  private static final List<String> HTTP_BUCKETS = List.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25",
      "0.5", "0.75", "1", "2.5", "5", "7.5", "10");
  private static final List<String> RPC_BUCKETS = List.of("0", "5", "10", "25", "50", "75", "100", "250", "500",
      "750", "1000", "2500", "5000", "7500", "10000");

  private final Plan plan;
  private final RunningSystem sys;
  private final List<SloTarget> targets;

  SloViewBuilder(Plan plan, RunningSystem sys, List<SloTarget> targets) {
    this.plan = plan;
    this.sys = sys;
    this.targets = targets;
  }

  SloView build(List<Group> groups) {
    String decision = plan.blueprint().deliverables().contains("decision-records")
        ? "[decision " + Layout.decisionRecordName("observability").substring(0, 4) + " observability]"
            + "(../decisions/" + Layout.decisionRecordName("observability") + ")" : "decision observability";
    String scope = Slos.anyPublic(plan) ? "the public services " + codes(targets.stream().map(SloTarget::service)
        .toList()) : "every service, as its internal callers see it (no service is public)";
    boolean grpc = targets.stream().anyMatch(SloTarget::grpc);
    String sli = "Availability SLI: the share of requests that do not fail (no 5xx" + (grpc ? ", or no gRPC "
        + "`UNKNOWN`, `DEADLINE_EXCEEDED`, `INTERNAL`, `UNAVAILABLE`, `DATA_LOSS`" : "") + "). Latency SLI: the "
        + "share of requests that finish within the threshold, read from the request-duration histogram. Both are "
        + "measured at the server over 30 rolling days.";
    String intro = "Service level objectives for " + scope + ", from `scale.availability` and `scale.latencyP99Ms`. "
        + "Observability is `" + sys.observability() + "` (" + decision + "). The rules are in "
        + "[alerts.yaml](alerts.yaml), checked with `promtool check rules`; [alerts.test.yaml](alerts.test.yaml) "
        + "holds unit tests for `promtool test rules`; every alert has a section in [RUNBOOK.md](RUNBOOK.md).";
    List<TargetRow> rows = targets.stream().map(t -> new TargetRow(t.service(), t.deployable(),
        t.availability().toPlainString() + " %", t.budgetMinutes().toPlainString(), "99 % within " + t.latency(),
        t.selector(), t.histogram())).toList();
    List<PolicyRow> policies = BurnRateRules.POLICIES.stream().map(SloViewBuilder::policy).toList();
    List<AlertRow> alerts = new ArrayList<>();
    for (Group g : groups) {
      g.alerts().forEach(a -> alerts.add(new AlertRow(a.alert(), a.anchor(), a.severity(), g.name(),
          a.annotations().get(0).value())));
    }
    return new SloView(plan.requirements().project().displayTitle(), intro, rows, notes(), policies, metrics(),
        logging(), tracing(), dashboards(), alerts, targets.isEmpty() ? "" : AlertNames.fastBurn(
        targets.get(0).service()), sli);
  }

  private static PolicyRow policy(Policy p) {
    return new PolicyRow(p.speed().equals("Ticket") ? "…BudgetBurn" : "…" + p.speed() + "Burn", p.severity(),
        p.longWindow(), p.shortWindow(), p.factor().toPlainString() + "×", p.share(),
        p.daysToExhaust().toPlainString() + " days", p.forDuration());
  }

  private static String codes(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add("Error budget per 30 days = (1 − objective) × 43 200 minutes; the latency budget is the 1 % of "
        + "requests allowed above the threshold.");
    SloTarget first = targets.isEmpty() ? null : targets.get(0);
    if (first != null && !first.latencyGiven()) {
      notes.add("`scale.latencyP99Ms` is not given: the latency objective assumes " + Slos.DEFAULT_LATENCY_MS
          + " ms. Set it in the requirements.");
    }
    if (plan.requirements().scale().availability() > Slos.HIGHEST.doubleValue()) {
      notes.add("An availability of " + plan.requirements().scale().availability() + " % leaves no error budget; "
          + "the alerts use " + Slos.HIGHEST.toPlainString() + " %.");
    }
    Telemetry telemetry = Telemetry.of(plan);
    if (sys.kubernetes() || !telemetry.scraped()) {
      notes.add(telemetry.sentence());
    }
    java.util.Map<String, List<String>> buckets = new java.util.LinkedHashMap<>();
    for (SloTarget t : targets) {
      if (!(t.grpc() ? RPC_BUCKETS : HTTP_BUCKETS).contains(t.le())) {
        buckets.computeIfAbsent(t.deployable() + "|" + t.grpc(), k -> new ArrayList<>()).add(t.service());
      }
    }
    buckets.forEach((key, services) -> {
      SloTarget t = targets.stream().filter(x -> services.contains(x.service())).findFirst().orElseThrow();
      notes.add("The latency SLI of " + codes(services) + " reads the histogram bucket `le=\"" + t.le() + "\"`, "
          + "which the OpenTelemetry default boundaries lack: add " + t.le() + (t.grpc() ? " ms" : " s")
          + " to the boundaries of `" + (t.grpc() ? "rpc.server.duration" : "http.server.request.duration")
          + "` (an SDK view) in `" + t.deployable() + "`.");
    });
    for (SloTarget t : targets) {
      if (sys.services().stream().anyMatch(s -> s.name().equals(t.service()) && s.api() == Api.GRAPHQL)) {
        notes.add("`" + t.service() + "` speaks GraphQL, which reports errors with status 200: its server must "
            + "answer 5xx when a request fails as a whole, or the availability SLI misses those failures.");
      }
    }
    if (sys.monolith()) {
      notes.add("The modules share the deployable `" + sys.project() + "`: each module's routes start with "
          + "`/<module>/` (the path of its OpenAPI server), which is how the SLIs tell them apart.");
    }
    if (sys.broker() && !new BrokerRules(sys, plan, null).supported()) {
      notes.add(sys.brokerName() + " has no standard Prometheus exporter here: watch its subscription backlog in "
          + "the cloud's own monitoring.");
    }
    return notes;
  }

  private List<Convention> metrics() {
    List<Convention> list = new ArrayList<>();
    String collector = "OpenTelemetry SDK or agent, through the Collector's Prometheus exporter with "
        + "`resource_to_telemetry_conversion`, so `service.name` becomes `service_name`";
    list.add(new Convention("HTTP requests", "`http_server_request_duration_seconds` (`_bucket`, `_count`)",
        "`service_name`, `http_route`, `http_request_method`, `http_response_status_code`", collector));
    if (sys.services().stream().anyMatch(s -> s.api() == Api.GRPC)) {
      list.add(new Convention("gRPC requests", "`rpc_server_duration_milliseconds` (`_bucket`, `_count`)",
          "`service_name`, `rpc_service`, `rpc_method`, `rpc_grpc_status_code`", collector));
    }
    if (sys.sql() && sys.deployables().stream().anyMatch(sys::hasDatabase)) {
      list.add(new Convention("Connection pools", "`db_client_connection_count`, `db_client_connection_max`",
          "`service_name`, `db_client_connection_state`, `db_client_connection_pool_name`", "OpenTelemetry "
              + "instrumentation of the pool (HikariCP, pgx, node-postgres ...)"));
      list.add(new Convention("Database server", sys.database().equals("postgresql")
          ? "`pg_stat_activity_count`, `pg_settings_max_connections`"
          : "`mysql_global_status_threads_connected`, `mysql_global_variables_max_connections`", "`instance`",
          sys.database().equals("postgresql") ? "postgres_exporter" : "mysqld_exporter"));
    }
    if (sys.kubernetes()) {
      list.add(new Convention("Containers", "`container_cpu_usage_seconds_total`, "
          + "`container_memory_working_set_bytes`, `kube_pod_container_resource_limits`, "
          + "`kube_horizontalpodautoscaler_status_current_replicas`, `kube_horizontalpodautoscaler_spec_max_replicas`",
          "`container` and `horizontalpodautoscaler` = the deployable's name", "kubelet (cAdvisor), "
              + "kube-state-metrics"));
    } else if (sys.deployment().equals("vm")) {
      list.add(new Convention("Machines", "`node_cpu_seconds_total`, `node_memory_MemAvailable_bytes`",
          "`job` = the deployable's name", "node_exporter"));
    }
    if (sys.cache()) {
      list.add(new Convention("Redis", "`redis_memory_used_bytes`, `redis_memory_max_bytes`", "`instance`",
          "redis_exporter"));
    }
    if (sys.broker()) {
      list.add(broker());
    }
    return list;
  }

  private Convention broker() {
    String naming = String.join("; ", sys.consumers().stream().map(c -> "`" + c.service() + "` reads "
        + (c.group().isEmpty() ? codes(c.queues()) : codes(c.topics()) + " in the group `" + c.group() + "`")
        + ", dead letters " + codes(c.deadLetters())).toList());
    return switch (sys.messaging()) {
      case "kafka" -> new Convention("Kafka", "`kafka_consumergroup_lag`, `kafka_topic_partition_current_offset`",
          naming, "kafka-exporter");
      case "rabbitmq" -> new Convention("RabbitMQ", "`rabbitmq_queue_messages_ready`", naming,
          "the rabbitmq_prometheus plugin with `prometheus.return_per_object_metrics = true`");
      default -> new Convention(sys.brokerName(), switch (sys.cloud()) {
        case GCP -> "`stackdriver_pubsub_subscription_pubsub_googleapis_com_subscription_oldest_unacked_message_age`";
        case AWS -> "`aws_sqs_approximate_age_of_oldest_message_maximum`";
        default -> "the cloud's backlog metrics";
      }, naming, sys.cloud() == dev.archforge.model.Cloud.GCP ? "stackdriver_exporter"
          : sys.cloud() == dev.archforge.model.Cloud.AWS ? "YACE (CloudWatch exporter)" : "the cloud's monitoring");
    };
  }

  private List<String> logging() {
    List<String> list = new ArrayList<>();
    list.add("Structured JSON, one object per line, in UTC: `timestamp`, `level`, `service.name`, `trace_id`, "
        + "`span_id`, `message`, and for requests `http.route`, `http.response.status_code` and `duration_ms`.");
    list.add("One line per request at info; errors at error level with the exception type; debug off in "
        + "production.");
    list.add("The correlation id is the W3C trace id: the edge starts a `traceparent` when the client sent none, "
        + "every call and every event (as a message header) carries it, and problem details return it in `instance`.");
    if (plan.blueprint().deliverables().contains("security")) {
      list.add("What is never logged, and what only masked: "
          + "[SECURITY.md § Logging rules](../security/SECURITY.md#logging-rules).");
    }
    return list;
  }

  private List<String> tracing() {
    if (!sys.observability().startsWith("opentelemetry")) {
      return List.of("Tracing is not part of the observability decision (`" + sys.observability() + "`): the "
          + "trace id is still generated and logged, so traces can be added without changing the logs.");
    }
    List<String> list = new ArrayList<>();
    Telemetry.Collector collector = Telemetry.of(plan).collector();
    boolean none = collector.placement() == Telemetry.Placement.NONE;
    list.add("Every deployable (" + codes(sys.deployables()) + ")" + (none ? ": " + collector.sentence()
        : " runs the OpenTelemetry SDK or agent and exports OTLP to the Collector."));
    list.add("Spans for every request served, every outgoing call, every database statement"
        + (sys.broker() ? " and every publish and consume (linked across " + sys.brokerName() + ")" : "") + ".");
    list.add(none ? "Sampling: X-Ray's sampling rules (by default the first request each second and 5 % of the others)."
        : "Sampling: 10 % of traces by trace id, plus tail sampling in the Collector that keeps every trace "
        + "with an error or slower than its SLO threshold.");
    return list;
  }

  private List<String> dashboards() {
    List<String> list = new ArrayList<>();
    for (SloTarget t : targets) {
      list.add("*SLO: " + t.service() + "* — both SLIs over 30 days, the budget left, and the burn rate over "
          + "each alert window.");
    }
    for (String d : sys.deployables()) {
      String pods = plan.capacity() == null ? "" : plan.capacity().service(d).map((ServiceSizing z) -> " against "
          + "the autoscaling bounds of " + z.hpaMin() + " to " + z.hpaMax()).orElse("");
      list.add("*" + d + ": requests* — rate, errors and p50/p95/p99 duration by route; *" + d + ": resources* — "
          + "CPU and memory against limits, pods" + pods + ".");
    }
    if (sys.deployables().stream().anyMatch(sys::hasDatabase)) {
      list.add("*Database* — connections against the pools and the instance limit, slowest statements, "
          + "replication lag.");
    }
    if (sys.cache()) {
      list.add("*Redis* — hit ratio, memory against maxmemory, evictions.");
    }
    if (sys.broker()) {
      list.add("*" + sys.brokerName() + "* — lag per consumer, dead-letter queues, publish rate against the "
          + "event rates of CAPACITY.md.");
    }
    return list;
  }
}
