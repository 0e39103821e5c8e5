package dev.archforge.deliverable.k8s;

import dev.archforge.deliverable.k8s.OverlayView.Patch;
import dev.archforge.deliverable.k8s.WorkloadView.Size;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.model.Plan;
import java.util.List;

/**
 * The three environments. Production runs CAPACITY.md's numbers and follows the availability
 * target (zone spread, node anti-affinity, a PodDisruptionBudget minAvailable). Staging keeps the
 * production pod size with at most two replicas at the minimum and half the maximum. Development
 * runs one to two smaller pods. Dev and staging allow one pod down at a time.
 */
final class Environments {
  static final List<String> NAMES = List.of("dev", "staging", "prod");
  /** From this availability, every zone must hold a replica: the spread is a hard rule. */
  static final double HARD_SPREAD_FROM = 99.95;

  private Environments() {}

  static OverlayView overlay(Plan plan, String environment, List<WorkloadView> workloads, GatewayView gateway) {
    String project = plan.requirements().project().name();
    List<Patch> patches = workloads.stream().map(w -> patch(plan, environment, w)).toList();
    return new OverlayView(environment, project + "-" + environment, notes(plan, environment), patches,
        gateway == null ? null : gateway.at(host(environment, gateway.host())),
        java.util.stream.Stream.concat(SecretStores.patch(SecretStores.store(plan), project, environment, "").stream(),
            SecretStores.keys(plan, environment).stream()).toList(),
        // prod is the base's (under dataResidency each cell's overlay names its own)
        environment.equals("prod") ? List.of() : OverlayView.Image.of(workloads, Registries.of(plan, environment)));
  }

  static Patch patch(Plan plan, String environment, WorkloadView w) {
    Size prod = w.size();
    Size size = switch (environment) {
      case "dev" -> dev(prod);
      case "staging" -> staging(prod);
      default -> prod;
    };
    boolean production = environment.equals("prod");
    String zoneRule = plan.requirements().scale().availability() >= HARD_SPREAD_FROM ? "DoNotSchedule"
        : "ScheduleAnyway";
    WorkloadView.RouteView route = w.route() == null ? null : new WorkloadView.RouteView(w.route().gateway(),
        host(environment, w.route().host()), w.route().paths(), w.route().grpcServices());
    return new Patch(w.name(), environment, summary(environment), size, production, zoneRule, route);
  }

  static Size dev(Size prod) {
    int cpu = Math.max(100, millis(prod.cpuRequest()) / 4);
    int memory = Math.max(256, mebibytes(prod.memoryRequest()) / 2);
    return new Size(1, Math.min(2, prod.hpaMax()), cpu + "m", 2 * cpu + "m", memory + "Mi", memory + "Mi", 0);
  }

  static Size staging(Size prod) {
    int min = Math.min(2, prod.hpaMin());
    int max = Math.max(min, (prod.hpaMax() + 1) / 2);
    return new Size(min, max, prod.cpuRequest(), prod.cpuLimit(), prod.memoryRequest(), prod.memoryLimit(), 0);
  }

  static String host(String environment, String production) {
    return new dev.archforge.facts.deploy.PublicHost(production).in(environment);
  }

  private static String summary(String environment) {
    return switch (environment) {
      case "dev" -> "one to two small pods, one may be down at a time";
      case "staging" -> "production-sized pods, at most two at the minimum and half the maximum";
      default -> "CAPACITY.md's autoscaling bounds and pod size, spread over zones";
    };
  }

  private static List<String> notes(Plan plan, String environment) {
    String project = plan.requirements().project().name();
    if (!environment.equals("prod")) {
      return List.of(project + " " + environment + ": " + summary(environment) + ".",
          "Build: kubectl kustomize deploy/k8s/overlays/" + environment);
    }
    double availability = plan.requirements().scale().availability();
    return List.of(project + " prod: the autoscaling bounds equal CAPACITY.md (sizing per deployable).",
        "Availability target " + availability + " %: replicas spread over zones ("
            + (availability >= HARD_SPREAD_FROM ? "required" : "preferred") + ") and nodes (preferred),"
            + " and a PodDisruptionBudget keeps all but one of the minimum replicas up.",
        "Build: kubectl kustomize deploy/k8s/overlays/prod");
  }

  private static int millis(String cpu) {
    return Integer.parseInt(cpu.substring(0, cpu.length() - 1));
  }

  private static int mebibytes(String memory) {
    return Integer.parseInt(memory.substring(0, memory.length() - 2));
  }
}
