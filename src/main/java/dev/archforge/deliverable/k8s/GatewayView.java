package dev.archforge.deliverable.k8s;

/**
 * The project's Gateway (Gateway API): one HTTPS listener for the environment's host, its TLS
 * certificate issued by cert-manager, routes admitted from the same namespace. The controller is
 * the platform's: {@code className} names its GatewayClass, {@code namespace} where its proxies run.
 *
 * @param rateLimitPerMinute the API gateway decision's per-client limit, 0 when there is none
 */
public record GatewayView(String name, String className, String namespace, String host, String tlsSecret,
    int rateLimitPerMinute) {
  /** The same Gateway for another environment's host. */
  GatewayView at(String otherHost) {
    return new GatewayView(name, className, namespace, otherHost, tlsSecret, rateLimitPerMinute);
  }
}
