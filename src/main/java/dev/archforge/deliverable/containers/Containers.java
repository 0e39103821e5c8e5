package dev.archforge.deliverable.containers;

import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.HealthCheck;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.deploy.Setting;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds each deployable's descriptor view for its platform: bounds and resources from CAPACITY.md
 * rounded up to a size the platform offers, the cluster-side environment with the addresses the
 * platform resolves, and a reference into the cloud's secret manager for every secret.
 */
final class Containers {
  /** Fargate's task sizes: CPU units and the memory (MiB) each allows, smallest first. */
  private static final int[][] FARGATE = {{256, 512, 2048}, {512, 1024, 4096}, {1024, 2048, 8192},
      {2048, 4096, 16384}, {4096, 8192, 30720}, {8192, 16384, 61440}, {16384, 32768, 122880}};
  static final String AWS_ACCOUNT = Registries.AWS_ACCOUNT;
  static final String GCP_PROJECT = Registries.GCP_PROJECT;
  static final String AZURE_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private Containers() {}

  /** The descriptors of the deployables in {@code region}, the plan's primary region (a fact of its cells). */
  static List<ContainerView> of(Platform platform, Cloud cloud, List<Deployable> deployables, String region,
      List<Telemetry.Collector> sidecars) {
    return deployables.stream().map(d -> view(platform, cloud, d, region, CloudNames.productionRoot(""), "",
        Optional.empty(), sidecars)).toList();
  }

  /**
   * The descriptors of backup-dr's second region ({@link SecondRegion}): in its region and its root's
   * folder, naming its root's roles, cluster, resource group, vault and registry.
   */
  static List<ContainerView> of(Platform platform, Cloud cloud, List<Deployable> deployables, SecondRegion second,
      List<Telemetry.Collector> sidecars) {
    return deployables.stream().map(d -> view(platform, cloud, d, second.region(), second.root(), second.folder(),
        Optional.empty(), sidecars)).toList();
  }

  /**
   * The descriptors of one cell under {@code dataResidency}: in the cell's primary region, with its
   * own resource group and vault on Azure, and the environment naming the cell and its regions (as
   * the cell's Kubernetes overlay does).
   */
  static List<ContainerView> of(Platform platform, Cloud cloud, List<Deployable> deployables, Cell cell,
      List<Telemetry.Collector> sidecars) {
    String root = CloudNames.productionRoot(cell.jurisdiction());
    return deployables.stream().map(d -> view(platform, cloud, d, cell.primary().orElseThrow(), root, root + "/",
        Optional.of(cell), sidecars)).toList();
  }

  /** @param folder the folder of {@code root}'s descriptors in the platform's ({@code prod-eu/}), empty for prod's */
  private static ContainerView view(Platform platform, Cloud cloud, Deployable d, String region, String root,
      String folder, Optional<Cell> cell, List<Telemetry.Collector> sidecars) {
    ServiceSizing s = d.sizing();
    String group = CloudNames.resourceGroup(d.project(), root);
    List<ContainerView.Entry> env = new ArrayList<>();
    for (Setting setting : d.settings()) {
      env.add(new ContainerView.Entry(setting.key(), address(platform, d, setting, region)));
    }
    cell.ifPresent(c -> {
      env.add(new ContainerView.Entry("CELL", c.jurisdiction()));
      env.add(new ContainerView.Entry("CELL_REGION", region));
      env.add(new ContainerView.Entry("CELL_REGIONS", String.join(",", c.regions())));
      env.add(new ContainerView.Entry("BACKUP_REGION", c.recovery().orElse("none")));
    });
    List<ContainerView.Entry> secrets = d.secrets().stream()
        .map(key -> new ContainerView.Entry(key, secretRef(platform, d, key, region,
            CloudNames.keyVault(d.project(), root)))).toList();
    String[] size = size(platform, s.cpuMillis(), s.memoryMib());
    String image = Registries.of(cloud, d.project(), root, region).image(d.name());
    return new ContainerView(platform.folder(), d.name(), d.project(), image, d.port(), d.portName(), d.grpc(),
        d.uid(), Deployable.READY_PATH, Deployable.LIVE_PATH, d.isPublic(), s.hpaMin(), s.hpaMax(), size[0], size[1],
        HealthCheck.command(d), env, secrets, account(platform), region, group,
        platform.dir() + folder,
        CloudNames.vpcConnector(d.project()), CloudNames.containerAppsEnvironment(d.project()), sidecars);
  }

  /**
   * A setting's value in the cloud. Callees are reached as {@code <name>:8080} in Compose and under
   * ECS Service Connect (each service is a client alias of that name); Cloud Run gives each service
   * its own HTTPS URL, and Container Apps an internal FQDN in the environment.
   */
  private static String address(Platform platform, Deployable d, Setting setting, String region) {
    String callee = d.calls().stream().filter(c -> setting.key().equals(Naming.snake(c).toUpperCase(Locale.ROOT)
        + "_ADDRESS")).findFirst().orElse(null);
    if (callee == null) {
      return setting.cluster();
    }
    return switch (platform) {
      case CLOUD_RUN -> ConsumerTrigger.cloudRunUrl(callee, region);
      case CONTAINER_APPS -> "http://" + callee;
      case ECS -> setting.cluster();
    };
  }

  /**
   * Where a secret is kept ({@link Endpoints#secretEntries}, which infra/ creates): one Secret Manager
   * secret per variable on Google Cloud (read at its latest version), a JSON key of the deployable's
   * secret {@code <project>/<deployable>} in AWS Secrets Manager (the same remote key the Kubernetes
   * ExternalSecret reads), a Key Vault secret per variable on Azure.
   */
  private static String secretRef(Platform platform, Deployable d, String key, String region, String vault) {
    String perVariable = Endpoints.variableEntry(d, key);
    return switch (platform) {
      case CLOUD_RUN -> perVariable;
      case ECS -> "arn:aws:secretsmanager:" + region + ":" + AWS_ACCOUNT + ":secret:" + d.project() + "/"
          + d.name() + ":" + key + "::";
      case CONTAINER_APPS -> "https://" + vault + ".vault.azure.net/secrets/" + perVariable;
    };
  }

  /** CPU and memory of one instance, rounded up to a size the platform offers. */
  static String[] size(Platform platform, int cpuMillis, int memoryMib) {
    return switch (platform) {
      case ECS -> fargate(cpuMillis, memoryMib);
      case CLOUD_RUN -> new String[] {String.valueOf(Math.max(1, powerOfTwoAtLeast((cpuMillis + 999) / 1000))),
          Math.max(512, memoryMib) + "Mi"};
      case CONTAINER_APPS -> containerApps(cpuMillis);
    };
  }

  /** The smallest Fargate task size with at least this CPU (1 vCPU = 1024 units) and memory. */
  static String[] fargate(int cpuMillis, int memoryMib) {
    int units = (int) Math.ceil(cpuMillis * 1024 / 1000.0);
    for (int[] size : FARGATE) {
      if (size[0] >= units && size[2] >= memoryMib) {
        int memory = Math.max(size[1], (memoryMib + 1023) / 1024 * 1024);
        return new String[] {String.valueOf(size[0]), String.valueOf(memory)};
      }
    }
    int[] largest = FARGATE[FARGATE.length - 1];
    return new String[] {String.valueOf(largest[0]), String.valueOf(largest[2])};
  }

  /** Whether Fargate offers a task of this CPU (units) and memory (MiB), in 1 GiB steps within its range. */
  static boolean isFargateSize(String cpu, String memory) {
    for (int[] size : FARGATE) {
      if (String.valueOf(size[0]).equals(cpu) && memory.matches("\\d{3,6}")) {
        int mib = Integer.parseInt(memory);
        return mib >= size[1] && mib <= size[2] && (mib % 1024 == 0 || size[0] == 256 && mib == 512);
      }
    }
    return false;
  }

  /** Container Apps' consumption sizes: 0.25 vCPU steps with 2 GiB per vCPU, at most 4 vCPU. */
  static String[] containerApps(int cpuMillis) {
    int quarters = Math.min(16, Math.max(1, (cpuMillis + 249) / 250));
    double cpu = quarters / 4.0;
    String memory = quarters % 2 == 0 ? quarters / 2 + "Gi" : quarters / 2.0 + "Gi";
    return new String[] {cpu == Math.floor(cpu) ? String.valueOf((int) cpu) : String.valueOf(cpu), memory};
  }

  private static int powerOfTwoAtLeast(int n) {
    int p = 1;
    while (p < n) {
      p *= 2;
    }
    return Math.min(p, 8);
  }

  private static String account(Platform platform) {
    return switch (platform) {
      case ECS -> AWS_ACCOUNT;
      case CLOUD_RUN -> GCP_PROJECT;
      case CONTAINER_APPS -> AZURE_SUBSCRIPTION;
    };
  }
}
