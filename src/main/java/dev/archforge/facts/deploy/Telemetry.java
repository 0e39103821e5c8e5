package dev.archforge.facts.deploy;

import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.List;

/**
 * How the metrics the alerts read leave a pod, from the observability decision: scraped by
 * Prometheus ({@code logs-and-metrics}), or pushed over OTLP to the OpenTelemetry Collector, which
 * Prometheus scrapes ({@code opentelemetry}, {@code opentelemetry-and-slos}). The manifests annotate
 * and admit the scraper, or configure and allow the push, from here; SLO.md says the same. Where
 * the pushed telemetry goes depends on the runtime: {@link #collector}.
 *
 * @param scraped whether Prometheus scrapes the pods themselves
 * @param namespace the namespace of Prometheus (scraped) or of the Collector (pushed)
 * @param port the pod's metrics port (scraped) or the Collector's OTLP/gRPC port (pushed)
 * @param path the metrics path on the pod; empty when pushed
 * @param collector the collector each deployable pushes OTLP to in the runtime the plan deploys to
 */
public record Telemetry(boolean scraped, String namespace, int port, String path, Collector collector) {
  public static final String MONITORING_NAMESPACE = "monitoring";
  public static final String COLLECTOR_NAMESPACE = "observability";
  public static final String COLLECTOR = "otel-collector";
  public static final int OTLP_GRPC = 4317;
  /** Where a collector beside the deployable (a sidecar, or the host of a VM) listens. */
  public static final String LOCAL_ENDPOINT = "http://localhost:" + OTLP_GRPC;
  /** The AWS Distro for OpenTelemetry collector, whose image carries a configuration for ECS. */
  static final String ADOT_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";
  static final String ADOT_ECS_CONFIG = "/etc/ecs/ecs-default-config.yaml";
  /** The Google-Built OpenTelemetry Collector, whose image carries a configuration for Google Cloud. */
  static final String GOOGLE_IMAGE =
      "us-docker.pkg.dev/cloud-ops-agents-artifacts/google-cloud-opentelemetry-collector/otelcol-google:0.121.0";
  static final String GOOGLE_CONFIG = "/etc/otelcol-google/config.yaml";

  /** Where a runtime's collector runs. */
  public enum Placement {
    /** a Deployment in the cluster's {@code observability} namespace, left to the platform team */
    CLUSTER,
    /** a second container in each task or service, reached on localhost */
    SIDECAR,
    /** the platform's managed agent, which injects the endpoint into each app itself */
    AGENT,
    /** a collector on the host of each virtual machine, reached on localhost */
    HOST,
    /** no OTLP collector: the platform's own tracing and logs */
    NONE
  }

  /**
   * The collector of one runtime.
   *
   * @param endpoint the value of {@code OTEL_EXPORTER_OTLP_ENDPOINT} the deployables are given; empty
   *     when the platform sets it ({@link Placement#AGENT}) or nothing receives OTLP ({@link Placement#NONE})
   * @param image the sidecar's image, pinned; empty unless {@link Placement#SIDECAR}
   * @param command the sidecar's arguments (the configuration its image carries)
   * @param sentence where it runs and where it sends, for the documents
   */
  public record Collector(Placement placement, String endpoint, String image, List<String> command, String sentence) {
    public Collector {
      command = List.copyOf(command);
    }

    public boolean sidecar() {
      return placement == Placement.SIDECAR;
    }

    /** The sidecar container's name. */
    public String name() {
      return COLLECTOR;
    }

    /** The port it receives OTLP/gRPC on. */
    public int port() {
      return OTLP_GRPC;
    }
  }

  public static Telemetry of(Plan plan) {
    String choice = Deployables.choice(plan, "observability", "logs-and-metrics");
    Collector collector = collector(Deployables.choice(plan, "deployment", "kubernetes"),
        plan.requirements().project().cloud());
    return choice.startsWith("opentelemetry")
        ? new Telemetry(false, COLLECTOR_NAMESPACE, OTLP_GRPC, "", collector)
        : new Telemetry(true, MONITORING_NAMESPACE, Deployable.PORT, "/metrics", collector);
  }

  /**
   * The collector of the runtime a deployment runs on: the cluster's on Kubernetes; on ECS the ADOT
   * collector as a sidecar with its image's ECS configuration (metrics to CloudWatch, traces to
   * X-Ray); on Cloud Run the Google-Built collector as a sidecar with its image's configuration
   * (Cloud Monitoring, Managed Prometheus, Cloud Trace); on Container Apps the environment's managed
   * OpenTelemetry agent; on Lambda none (container-image functions take no layers): X-Ray active
   * tracing and CloudWatch; on a VM a collector on the host.
   */
  static Collector collector(String deployment, Cloud cloud) {
    return switch (deployment) {
      case "managed-containers", "serverless" -> switch (cloud) {
        case AWS -> deployment.equals("serverless")
            ? new Collector(Placement.NONE, "", "", List.of(), "AWS Lambda runs no OTLP collector for container-image "
                + "functions (they take no layers, so not the ADOT layer): each function traces through X-Ray "
                + "(`Tracing: Active`) and logs to CloudWatch, and the OpenTelemetry SDK stays off "
                + "(`OTEL_SDK_DISABLED=true`).")
            : new Collector(Placement.SIDECAR, LOCAL_ENDPOINT, ADOT_IMAGE, List.of("--config=" + ADOT_ECS_CONFIG),
                "Each ECS task runs the AWS Distro for OpenTelemetry collector as a sidecar container `" + COLLECTOR
                + "` (`" + ADOT_IMAGE + "`, non-root, not essential) with the ECS configuration its image carries ("
                + "`" + ADOT_ECS_CONFIG + "`: metrics to CloudWatch as EMF, traces to X-Ray); each deployable "
                + "pushes OTLP to it at `" + LOCAL_ENDPOINT + "`.");
        case AZURE -> new Collector(Placement.AGENT, "", "", List.of(), "Each Container App pushes OTLP to the "
            + "managed OpenTelemetry agent of its Container Apps environment, which sets "
            + "`OTEL_EXPORTER_OTLP_ENDPOINT` in each app itself (so the descriptors do not) and sends to the "
            + "environment's destinations (Application Insights, or an OTLP endpoint): configure them once with "
            + "`az containerapp env telemetry app-insights set` or `az containerapp env telemetry otlp add`.");
        default -> new Collector(Placement.SIDECAR, LOCAL_ENDPOINT, GOOGLE_IMAGE, List.of("--config=" + GOOGLE_CONFIG),
            "Each Cloud Run service runs the Google-Built OpenTelemetry Collector as a sidecar container `"
            + COLLECTOR + "` (`" + GOOGLE_IMAGE + "`, started before the service) with the configuration its "
            + "image carries (`" + GOOGLE_CONFIG + "`: Cloud Monitoring, Managed Service for Prometheus, Cloud "
            + "Trace); each deployable pushes OTLP to it at `" + LOCAL_ENDPOINT + "`.");
      };
      case "vm" -> new Collector(Placement.HOST, LOCAL_ENDPOINT, "", List.of(), "Each virtual machine runs an "
          + "OpenTelemetry Collector on the host; each deployable pushes OTLP to it at `" + LOCAL_ENDPOINT + "`.");
      default -> new Collector(Placement.CLUSTER, "http://" + COLLECTOR + "." + COLLECTOR_NAMESPACE + ":" + OTLP_GRPC,
          "", List.of(), "The OpenTelemetry Collector `" + COLLECTOR + "` runs in the cluster's namespace `"
          + COLLECTOR_NAMESPACE + "`; each pod pushes OTLP to it at `http://" + COLLECTOR + "." + COLLECTOR_NAMESPACE
          + ":" + OTLP_GRPC + "`.");
    };
  }

  /** The endpoint each deployable pushes OTLP to in its runtime; empty when scraped or when the platform sets it. */
  public String endpoint() {
    return scraped ? "" : collector.endpoint();
  }

  /** One sentence on how metrics reach Prometheus (Kubernetes), or where the runtime's collector sends them. */
  public String sentence() {
    if (scraped) {
      return "Prometheus in the namespace `" + namespace + "` scrapes each pod's `" + path + "` on port " + port
          + " (the pod annotations `prometheus.io/*`); each NetworkPolicy admits it.";
    }
    if (collector.placement() != Placement.CLUSTER) {
      return collector.sentence();
    }
    return "Each pod pushes OTLP to the Collector `" + endpoint() + "` (`OTEL_EXPORTER_OTLP_ENDPOINT`); each "
        + "NetworkPolicy lets it out to the namespace `" + namespace + "`, and Prometheus scrapes the Collector.";
  }
}
