package dev.archforge.facts.deploy;

import dev.archforge.model.Language;
import dev.archforge.model.ServiceSizing;
import java.util.List;

/**
 * One container image and what runs it: a service of a microservice plan, or the one deployable
 * of a modular monolith (named after the project, holding every service as a module). The docker
 * deliverable builds its image; the kubernetes deliverable runs it. Names are lowercase-kebab.
 *
 * @param modules the services of the requirements this deployable serves
 * @param calls the deployables it calls synchronously (none inside a monolith)
 * @param callers the deployables that call it
 * @param grpc whether it serves gRPC (health over the gRPC health protocol) rather than HTTP
 * @param backing its database, cache and broker
 * @param settings its non-secret environment, in order
 * @param secrets the names of its secret environment variables, in order
 */
public record Deployable(
    String name,
    String project,
    Language language,
    boolean grpc,
    boolean isPublic,
    List<String> modules,
    List<String> calls,
    List<String> callers,
    List<Backing> backing,
    List<Setting> settings,
    List<String> secrets,
    ServiceSizing sizing) {
  /** The one port the image exposes, the container listens on and every probe and Service uses. */
  public static final int PORT = 8080;
  /** The numeric user and group of the image's USER and of the pod's runAsUser/runAsGroup. */
  public static final int UID = 10001;
  /** The readiness endpoint of HTTP services; liveness is {@link #LIVE_PATH}. */
  public static final String READY_PATH = "/health/ready";
  public static final String LIVE_PATH = "/health/live";

  public Deployable {
    modules = List.copyOf(modules);
    calls = List.copyOf(calls);
    callers = List.copyOf(callers);
    backing = List.copyOf(backing);
    settings = List.copyOf(settings);
    secrets = List.copyOf(secrets);
  }

  /** The Kubernetes Secret (and External Secret target) holding {@link #secrets}. */
  public String secretName() {
    return name + "-secrets";
  }

  public int port() {
    return PORT;
  }

  public int uid() {
    return UID;
  }

  /** {@code http} or {@code grpc}: the name of the container and Service port. */
  public String portName() {
    return grpc ? "grpc" : "http";
  }
}
