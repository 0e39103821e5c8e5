package dev.archforge.deliverable.vm;

import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.HealthCheck;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.deploy.Setting;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds each deployable's machine view: the environment of the Kubernetes ConfigMap with the
 * addresses machines resolve (a callee's internal load balancer under its name in the private DNS
 * zone, the host's telemetry collector), and where each secret is in the cloud's secret store.
 */
final class Hosts {
  /** Where a container reaches the collector on its own machine: Podman names the host so. */
  static final String HOST_COLLECTOR = "http://host.containers.internal:" + Telemetry.OTLP_GRPC;

  private Hosts() {}

  /** Once in the plan's primary region, or under {@code dataResidency} once per cell in its own folder. */
  static List<HostView> of(Plan plan, List<Deployable> deployables) {
    Cloud cloud = plan.requirements().project().cloud();
    if (!plan.cells().residency()) {
      String region = plan.cells().primaryRegion().orElseThrow();
      Registries.Registry registry = Registries.of(plan, CloudNames.productionRoot(""));
      List<HostView> views = new ArrayList<>(deployables.stream().map(d -> view(cloud, d, region, "", Optional.empty(),
          registry)).toList());
      // backup-dr's second region, when the deploy workflow deploys there: its region, registry and folder
      SecondRegion.deployed(plan).ifPresent(s -> deployables.forEach(d -> views.add(view(cloud, d, s.region(),
          s.folder(), Optional.empty(), s.registry(plan)))));
      return views;
    }
    List<HostView> views = new ArrayList<>();
    for (Cell cell : plan.cells().cells()) {
      for (Deployable d : deployables) {
        views.add(view(cloud, d, cell.primary().orElseThrow(), "prod-" + cell.jurisdiction() + "/", Optional.of(cell),
            Registries.of(plan, cell)));
      }
    }
    return views;
  }

  /** @param folder the folder of its root's user data in deploy/vm/ ({@code prod-eu/}), empty for prod's */
  private static HostView view(Cloud cloud, Deployable d, String region, String folder, Optional<Cell> cell,
      Registries.Registry registry) {
    List<HostView.Entry> env = new ArrayList<>();
    for (Setting setting : d.settings()) {
      env.add(new HostView.Entry(setting.key(), address(d, setting)));
    }
    cell.ifPresent(c -> {
      env.add(new HostView.Entry("CELL", c.jurisdiction()));
      env.add(new HostView.Entry("CELL_REGION", region));
      env.add(new HostView.Entry("CELL_REGIONS", String.join(",", c.regions())));
      env.add(new HostView.Entry("BACKUP_REGION", c.recovery().orElse("none")));
    });
    List<HostView.Entry> secrets = d.secrets().stream()
        .map(key -> new HostView.Entry(key, secretName(cloud, d, key))).toList();
    return new HostView(cloud.spelling(), d.name(), d.project(), registry.image(d.name()), d.port(), d.uid(),
        Deployable.READY_PATH, d.isPublic(), d.sizing().hpaMin(), d.sizing().hpaMax(), HealthCheck.command(d), env,
        secrets, region,
        VmDeliverable.DIR + folder);
  }

  /**
   * A setting's value on a machine: a callee ({@code <callee>:8080} in the cluster) behind its
   * internal load balancer, {@code <callee>.}{@value Endpoints#ZONE}; the collector on the host.
   */
  private static String address(Deployable d, Setting setting) {
    boolean callee = d.calls().stream()
        .anyMatch(c -> setting.key().equals(Naming.snake(c).toUpperCase(Locale.ROOT) + "_ADDRESS"));
    if (callee) {
      String[] hostPort = setting.cluster().split(":", 2);
      return hostPort[0] + "." + Endpoints.ZONE + (hostPort.length > 1 ? ":" + hostPort[1] : "");
    }
    if (setting.key().equals("OTEL_EXPORTER_OTLP_ENDPOINT") && !setting.cluster().isEmpty()) {
      return HOST_COLLECTOR;
    }
    return setting.cluster();
  }

  /**
   * The secret's name in the store: the deployable's secret in the cloud's store, one JSON key per
   * variable, as infra/ creates it and the Kubernetes ExternalSecret reads it ({@code <project>/<deployable>}
   * in AWS Secrets Manager, {@code <project>--<deployable>} in Google Secret Manager and Azure Key Vault);
   * a systemd credential of the variable's name elsewhere.
   */
  private static String secretName(Cloud cloud, Deployable d, String key) {
    return switch (cloud) {
      case AWS, GCP, AZURE -> Endpoints.secretKey(cloud, d);
      default -> key;
    };
  }
}
