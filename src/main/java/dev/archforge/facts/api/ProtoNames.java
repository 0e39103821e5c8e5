package dev.archforge.facts.api;

import dev.archforge.facts.Naming;
import dev.archforge.model.Service;

/**
 * The names of a gRPC service's contract: its proto package and service, which the proto file
 * declares and the gateway's GRPCRoute matches.
 */
public final class ProtoNames {
  public static final String MAJOR = "v1";

  private ProtoNames() {}

  /** {@code <project>.<service>.v1} in lower_snake_case. */
  public static String packageName(String project, Service service) {
    return Naming.snake(project) + "." + Naming.snake(service.name()) + "." + MAJOR;
  }

  /** {@code OrdersService}: the service in PascalCase, ending in Service. */
  public static String serviceName(Service service) {
    String pascal = Naming.pascal(service.name());
    return pascal.endsWith("Service") ? pascal : pascal + "Service";
  }

  /** The fully qualified service, {@code <package>.<Service>}, as a gRPC request's path names it. */
  public static String qualified(String project, Service service) {
    return packageName(project, service) + "." + serviceName(service);
  }
}
