package dev.archforge.facts.deploy;

/**
 * A stateful service a deployable uses: its database, the cache or the broker.
 *
 * @param host the host name in Docker Compose (a container of the compose file)
 * @param technology the plan's choice: {@code postgresql}, {@code redis}, {@code kafka}, ...
 * @param localPort the port the container listens on in Docker Compose
 * @param clusterPort the port of the managed offering the cluster reaches (outside the cluster)
 * @param role {@code database}, {@code cache} or {@code broker}
 */
public record Backing(String host, String technology, int localPort, int clusterPort, String role) {
  /** The managed offering's address in the cluster: a placeholder to replace per environment. */
  public String clusterHost() {
    return host + "." + Endpoints.ZONE;
  }
}
