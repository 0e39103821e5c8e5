package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.deliverable.observability.AlertsView.Rule;
import dev.archforge.facts.AlertNames;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Error rate and saturation per deployable (CPU and memory against limits, the autoscaler at its
 * maximum, the database connection pool), the database's own connection limit and the cache's
 * memory.
 */
final class ResourceRules {
  static final String ERROR_RATIO = "0.05";
  static final String SATURATION = "0.9";

  private final RunningSystem sys;
  private final Plan plan;
  private final Runbooks runbooks;
  private final List<String> sloDeployables;

  ResourceRules(RunningSystem sys, Plan plan, Runbooks runbooks, List<SloTarget> targets) {
    this.sys = sys;
    this.plan = plan;
    this.runbooks = runbooks;
    this.sloDeployables = targets.stream().map(SloTarget::deployable).distinct().toList();
  }

  List<Group> groups() {
    List<Group> groups = new ArrayList<>();
    for (String d : sys.deployables()) {
      groups.add(new Group("deployable-" + d, deployable(d)));
    }
    if (sys.sql() && sys.deployables().stream().anyMatch(sys::hasDatabase)) {
      groups.add(new Group("database", List.of(databaseConnections())));
    }
    if (sys.cache()) {
      groups.add(new Group("cache", List.of(cacheMemory())));
    }
    return groups;
  }

  private List<Rule> deployable(String d) {
    List<Rule> rules = new ArrayList<>();
    rules.add(errorRate(d));
    if (sys.kubernetes()) {
      String container = "container=\"" + d + "\"";
      rules.add(saturation(AlertNames.cpu(d), "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{"
          + container + "}[5m])) / sum by (namespace, pod) (kube_pod_container_resource_limits{" + container
          + ",resource=\"cpu\"})", d, "CPU"));
      rules.add(saturation(AlertNames.memory(d), "max by (namespace, pod) (container_memory_working_set_bytes{"
          + container + "}) / max by (namespace, pod) (kube_pod_container_resource_limits{" + container
          + ",resource=\"memory\"})", d, "memory"));
      String hpa = "{horizontalpodautoscaler=\"" + d + "\"}";
      rules.add(Rule.alerting(AlertNames.autoscalerAtMax(d), "kube_horizontalpodautoscaler_status_current_replicas"
          + hpa + " >= kube_horizontalpodautoscaler_spec_max_replicas" + hpa, "15m", "ticket",
          d + " runs at its autoscaling maximum", "The autoscaler of " + d + " has held its maximum of "
              + runbooks.hpaMax(d) + " pods for 15 minutes: it cannot add capacity for more load.",
          "`" + d + "` cannot scale further: the load is above what CAPACITY.md planned for, or each pod does "
              + "less work than planned (a slow dependency, a regression).",
          List.of("Traffic against the plan: is the request rate above the peak CAPACITY.md sized for?",
              "Per-pod throughput: latency and CPU per pod; a slow dependency makes pods wait, not work.",
              "If the load is real and lasting, raise the maximum in the chart and the capacity plan together.")));
    } else if (sys.deployment().equals("vm")) {
      String job = "job=\"" + d + "\"";
      rules.add(saturation(AlertNames.cpu(d), "1 - avg by (instance) (rate(node_cpu_seconds_total{" + job
          + ",mode=\"idle\"}[5m]))", d, "CPU"));
      rules.add(saturation(AlertNames.memory(d), "1 - node_memory_MemAvailable_bytes{" + job
          + "} / node_memory_MemTotal_bytes{" + job + "}", d, "memory"));
    }
    if (sys.sql() && sys.hasDatabase(d)) {
      String svc = "service_name=\"" + d + "\"";
      rules.add(Rule.alerting(AlertNames.connectionPool(d), "sum(db_client_connection_count{" + svc
          + ",db_client_connection_state=\"used\"}) / sum(db_client_connection_max{" + svc + "}) > " + SATURATION,
          "10m", "ticket", d + " uses more than 90 % of its database connection pools",
          "The pods of " + d + " hold more than 90 % of their pooled connections to the " + runbooks.database(d)
              + " for 10 minutes; requests will soon wait for a connection.",
          "`" + d + "` is close to running out of database connections: requests queue for a connection and "
              + "latency rises.",
          List.of("Slow statements hold connections longer: the slowest statements of the " + runbooks.database(d)
                  + ".",
              "Long transactions or leaked connections: connections idle in transaction on the database side.",
              "More pods mean more connections: compare with the connections CAPACITY.md allows at the maximum.")));
    }
    return rules;
  }

  private Rule errorRate(String d) {
    List<String> parts = new ArrayList<>();
    String svc = "service_name=\"" + d + "\"";
    if (sys.http(d)) {
      parts.add("sum(rate(http_server_request_duration_seconds_count{" + svc + ",http_response_status_code=~\"5..\"}"
          + "[5m])) / sum(rate(http_server_request_duration_seconds_count{" + svc + "}[5m])) > " + ERROR_RATIO);
    }
    if (sys.rpc(d)) {
      parts.add("sum(rate(rpc_server_duration_milliseconds_count{" + svc + ",rpc_grpc_status_code=~\"2|4|13|14|15\"}"
          + "[5m])) / sum(rate(rpc_server_duration_milliseconds_count{" + svc + "}[5m])) > " + ERROR_RATIO);
    }
    boolean page = !sloDeployables.contains(d);
    return Rule.alerting(AlertNames.errorRate(d), String.join(" or ", parts), "10m", page ? "page" : "ticket",
        d + " fails more than 5 % of its requests",
        "More than 5 % of the requests " + d + " served in the last 5 minutes failed, for 10 minutes.",
        "`" + d + "` answers server errors to more than one request in twenty." + (page ? " No SLO covers it, so "
            + "this alert pages." : " Its SLO alerts tell how fast the error budget goes; this one names the "
            + "deployable."),
        List.of(runbooks.rollback(d), "Which operations fail: error ratio by route or method on the dashboard *"
            + d + ": requests*.", runbooks.traces(d)));
  }

  private Rule saturation(String name, String ratio, String d, String resource) {
    return Rule.alerting(name, ratio + " > " + SATURATION, "15m", "ticket",
        d + " pods use more than 90 % of their " + resource + " limit",
        "At least one pod of " + d + " has used more than 90 % of its " + resource + " limit for 15 minutes.",
        "`" + d + "` is close to its " + resource + " limit: " + (resource.equals("CPU") ? "it gets throttled and "
            + "latency rises." : "the next spike gets the pod killed (OOMKilled) and restarted."),
        List.of("One pod or all? One hot pod points to uneven load (a large tenant, a hot key); all pods to too "
                + "little capacity.",
            "Recent rollout: a regression in " + resource + " use shows in the per-version breakdown.",
            resource.equals("CPU") ? "Whether the autoscaler can still add pods (see " + AlertNames.autoscalerAtMax(d)
                + ")." : "Heap and cache sizes against the container limit; restarts with reason OOMKilled."));
  }

  private Rule databaseConnections() {
    String expr = sys.database().equals("postgresql")
        ? "sum by (instance) (pg_stat_activity_count) / max by (instance) (pg_settings_max_connections) > 0.8"
        : "max by (instance) (mysql_global_status_threads_connected) / max by (instance) "
            + "(mysql_global_variables_max_connections) > 0.8";
    int max = plan.blueprint().capacity() == null ? 0 : plan.blueprint().capacity().dbMaxConnections();
    return Rule.alerting(AlertNames.databaseConnections(), expr, "10m", "page",
        "A database instance has used more than 80 % of its connections",
        "More than 80 % of the connections a database instance accepts have been in use for 10 minutes.",
        "A database instance is close to refusing new connections (the plan counts on " + max + " per instance): "
            + "every service using it will fail at once.",
        List.of("Which deployable holds the connections: connections by user and application name.",
            "Whether a connection pooler sits in front, as CAPACITY.md asks when the pods' pools exceed the limit.",
            "Autoscaling: every new pod opens a full pool."));
  }

  private Rule cacheMemory() {
    return Rule.alerting(AlertNames.cacheMemory(), "max by (instance) (redis_memory_used_bytes) / max by (instance) "
            + "(redis_memory_max_bytes) > " + SATURATION + " and max by (instance) (redis_memory_max_bytes) > 0",
        "15m", "ticket", "Redis uses more than 90 % of its maximum memory",
        "A Redis instance has used more than 90 % of maxmemory for 15 minutes; it evicts keys and the database "
            + "takes their reads.",
        "The cache is full: it evicts keys, hit ratio falls and reads fall through to the database.",
        List.of("Evictions and hit ratio on the Redis dashboard.",
            "Keys without a TTL, or values larger than planned (the cache size of CAPACITY.md).",
            "Database read load: it rises as the hit ratio falls."));
  }
}
