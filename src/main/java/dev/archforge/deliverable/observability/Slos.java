package dev.archforge.deliverable.observability;

import dev.archforge.model.Api;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.math.BigDecimal;
import java.util.List;

/**
 * The SLO targets of a plan: one per public service, from {@code scale.availability} and
 * {@code scale.latencyP99Ms}; when no service is public, one per service, as its internal callers
 * see it.
 */
final class Slos {
  /** The latency threshold when the requirements give no {@code scale.latencyP99Ms}. */
  static final int DEFAULT_LATENCY_MS = 500;
  /** An objective of 100 % leaves no budget to alert on; the alerts use this instead. */
  static final BigDecimal HIGHEST = new BigDecimal("99.999");

  private Slos() {}

  static boolean anyPublic(Plan plan) {
    return plan.requirements().services().stream().anyMatch(Service::isPublic);
  }

  static List<SloTarget> targets(Plan plan, RunningSystem sys) {
    var scale = plan.requirements().scale();
    BigDecimal availability = BigDecimal.valueOf(scale.availability()).stripTrailingZeros();
    if (availability.compareTo(HIGHEST) > 0) {
      availability = HIGHEST;
    }
    BigDecimal budget = BigDecimal.valueOf(100).subtract(availability).movePointLeft(2).stripTrailingZeros();
    int latency = scale.latencyP99Ms() == null ? DEFAULT_LATENCY_MS : scale.latencyP99Ms();
    boolean given = scale.latencyP99Ms() != null;
    List<Service> services = anyPublic(plan) ? sys.services().stream().filter(Service::isPublic).toList()
        : sys.services();
    BigDecimal objective = availability;
    return services.stream().map(s -> new SloTarget(s.name(), sys.deployableOf(s), s.api() == Api.GRPC,
        selector(sys, s), objective, budget, latency, given)).toList();
  }

  /**
   * The requests of one service: its deployable's {@code service_name}; in a modular monolith also
   * the module's route prefix ({@code /catalog/...}) or gRPC package ({@code shop.catalog.v1}).
   */
  static String selector(RunningSystem sys, Service s) {
    String name = "service_name=\"" + sys.deployableOf(s) + "\"";
    if (!sys.monolith()) {
      return name;
    }
    return name + (s.api() == Api.GRPC ? ",rpc_service=~\"" + sys.project() + "[.]" + s.name() + "[.].*\""
        : ",http_route=~\"/" + s.name() + "/.*\"");
  }
}
