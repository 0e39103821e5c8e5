package dev.archforge.deliverable.k8s;

import dev.archforge.facts.deploy.Telemetry;
import java.util.List;

/**
 * Everything the base manifests of one deployable show: Deployment, Service, ServiceAccount,
 * ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy, and for a public one an
 * gateway routes; an ExternalSecret when the plan keeps secrets in a secret manager. The base carries the
 * production numbers (CAPACITY.md's sizing); the dev and staging overlays patch them down.
 *
 * @param grpc probes use the gRPC health protocol instead of HTTP paths
 * @param config the ConfigMap's entries, in order
 * @param secrets the secret variables, read from {@link #secretName} by key
 * @param size the production sizing
 * @param network who may reach the pods and what they may reach
 * @param route the gateway's routes to a public deployable, or null
 * @param externalSecret how the secrets are fetched, or null when they are created out of band
 */
public record WorkloadView(
    String name,
    String project,
    String image,
    int port,
    String portName,
    int uid,
    boolean grpc,
    String readyPath,
    String livePath,
    List<Entry> config,
    List<String> secrets,
    String secretName,
    Size size,
    int cpuTargetPercent,
    Network network,
    RouteView route,
    ExternalSecretView externalSecret) {
  public WorkloadView {
    config = List.copyOf(config);
    secrets = List.copyOf(secrets);
  }

  /** A ConfigMap entry. */
  public record Entry(String key, String value) {}

  /**
   * Replicas and resources of one environment.
   *
   * @param minAvailable the PodDisruptionBudget's minAvailable, or 0 to use maxUnavailable 1
   */
  public record Size(int hpaMin, int hpaMax, String cpuRequest, String cpuLimit, String memoryRequest,
      String memoryLimit, int minAvailable) {}

  /**
   * The NetworkPolicy's flows: from the ingress controller (public deployables), from callers,
   * to callees, to DNS, and to the ports of its database, cache, broker and identity provider; and
   * from the metrics scraper or to the telemetry Collector.
   */
  public record Network(boolean fromGateway, String gatewayNamespace, List<String> callers,
      List<String> callees, List<Egress> egress, Telemetry telemetry) {
    public Network {
      callers = List.copyOf(callers);
      callees = List.copyOf(callees);
      egress = List.copyOf(egress);
    }
  }

  /** An egress rule to a port outside the cluster, with what it is for. */
  public record Egress(int port, String purpose) {}

  /**
   * The routes from the project's Gateway (Gateway API) to a deployable: an HTTPRoute for the path
   * prefixes of its public HTTP services, a GRPCRoute for its public gRPC services. Internal
   * services of the same deployable get no route.
   *
   * @param gateway the Gateway's name (the project's)
   * @param host the production host
   * @param paths the path prefixes of the public REST and GraphQL services
   * @param grpcServices the fully qualified gRPC services ({@code <package>.<Service>}) that are public
   */
  public record RouteView(String gateway, String host, List<String> paths, List<String> grpcServices) {
    public RouteView {
      paths = List.copyOf(paths);
      grpcServices = List.copyOf(grpcServices);
    }
  }

  /** An ExternalSecret: the SecretStore it reads and the remote key holding the properties. */
  public record ExternalSecretView(String store, String remoteKey) {}
}
