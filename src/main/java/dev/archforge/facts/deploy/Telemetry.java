package dev.archforge.facts.deploy;

import dev.archforge.model.Plan;

/**
 * How the metrics the alerts read leave a pod, from the observability decision: scraped by
 * Prometheus ({@code logs-and-metrics}), or pushed over OTLP to the OpenTelemetry Collector, which
 * Prometheus scrapes ({@code opentelemetry}, {@code opentelemetry-and-slos}). The manifests annotate
 * and admit the scraper, or configure and allow the push, from here; SLO.md says the same.
 *
 * @param scraped whether Prometheus scrapes the pods themselves
 * @param namespace the namespace of Prometheus (scraped) or of the Collector (pushed)
 * @param port the pod's metrics port (scraped) or the Collector's OTLP/gRPC port (pushed)
 * @param path the metrics path on the pod; empty when pushed
 */
public record Telemetry(boolean scraped, String namespace, int port, String path) {
  public static final String MONITORING_NAMESPACE = "monitoring";
  public static final String COLLECTOR_NAMESPACE = "observability";
  public static final String COLLECTOR = "otel-collector";
  public static final int OTLP_GRPC = 4317;

  public static Telemetry of(Plan plan) {
    String choice = Deployables.choice(plan, "observability", "logs-and-metrics");
    return choice.startsWith("opentelemetry")
        ? new Telemetry(false, COLLECTOR_NAMESPACE, OTLP_GRPC, "")
        : new Telemetry(true, MONITORING_NAMESPACE, Deployable.PORT, "/metrics");
  }

  /** The Collector's OTLP endpoint in the cluster; empty when scraped. */
  public String endpoint() {
    return scraped ? "" : "http://" + COLLECTOR + "." + namespace + ":" + port;
  }

  /** One sentence on how metrics reach Prometheus. */
  public String sentence() {
    return scraped
        ? "Prometheus in the namespace `" + namespace + "` scrapes each pod's `" + path + "` on port " + port
            + " (the pod annotations `prometheus.io/*`); each NetworkPolicy admits it."
        : "Each pod pushes OTLP to the Collector `" + endpoint() + "` (`OTEL_EXPORTER_OTLP_ENDPOINT`); each "
            + "NetworkPolicy lets it out to the namespace `" + namespace + "`, and Prometheus scrapes the Collector.";
  }
}
