package dev.archforge.deliverable.infra;

import dev.archforge.decide.capacity.NatGateways;
import dev.archforge.deliverable.infra.RootParts.BackupView;
import dev.archforge.deliverable.infra.RootParts.CacheView;
import dev.archforge.deliverable.infra.RootParts.ClusterView;
import dev.archforge.deliverable.infra.RootParts.DatabaseView;
import dev.archforge.deliverable.infra.RootParts.MachineView;
import dev.archforge.deliverable.infra.RootParts.RouteView;
import dev.archforge.deliverable.infra.RootParts.ScalingView;
import dev.archforge.deliverable.infra.RootParts.SecretView;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.PublicHost;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.model.Cloud;
import java.util.List;

/**
 * One environment's root module: what it creates and how large, from the plan's decisions and
 * capacity figures. Every text a template prints into HCL is either a plain name
 * ({@code [a-z0-9-]}) or already quoted ({@link Hcl#quote}).
 *
 * @param env the root's name: {@code dev}, {@code staging}, {@code prod} or a cell's {@code prod-<jurisdiction>}
 * @param region the cloud region the root module defaults to
 * @param costCentre the quoted cost centre of the blueprint
 * @param cidr the network's address range
 * @param zone the private DNS zone the endpoints live in
 * @param runtime the deployment decision: {@code kubernetes}, {@code serverless}, {@code vm}, …
 * @param cluster the Kubernetes cluster, or null when the runtime is another
 * @param external endpoints that no managed offering of this cloud provides: a variable names their targets
 * @param tier {@code dev}, {@code staging} or {@code prod}: what the root is sized as ({@code env} is
 *     {@code prod-<jurisdiction>} for a cell's production root)
 * @param cell the jurisdiction whose cell this root builds under {@code dataResidency}, else empty
 * @param routes the public HTTP path prefixes of each public deployable, as the gateway routes them
 * @param managedContainers whether the deployables run on the cloud's managed containers (deploy/'s
 *     descriptors), for which the root adds the runtime-managed-containers module
 * @param scaling each deployable's autoscaling bounds in this root (production: CAPACITY.md's, whose
 *     minimum is the availability target's replica floor; dev and staging smaller)
 * @param cpuTargetPercent the average CPU use the autoscaling holds, as the HorizontalPodAutoscalers do
 * @param machines on virtual machines, each deployable's instance group in this root; else empty
 * @param collectorWrites whether a collector sidecar beside each deployable sends its metrics and traces
 *     with the deployable's identity (facts/deploy/Telemetry), which then may write them
 * @param backup on aws, the AWS Backup plan of the plan's DynamoDB tables; null when there are none
 * @param second the second production region backup-dr asks for, on production's root (which hands it
 *     its databases) and on the second region's own root; null on the others and when there is none
 * @param publicHost the host name clients reach the public API at (facts/deploy/PublicHost)
 * @param testFolder under dataResidency the folder of deploy/ that dev and staging run (model/Cells), else empty
 */
public record EnvView(
    String project,
    String cloud,
    String env,
    String region,
    String costCentre,
    String cidr,
    String zone,
    String runtime,
    List<DatabaseView> databases,
    CacheView cache,
    BrokerView broker,
    ClusterView cluster,
    List<String> deployables,
    List<SecretView> secrets,
    List<String> external,
    String tier,
    String cell,
    List<RouteView> routes,
    boolean managedContainers,
    List<ScalingView> scaling,
    int cpuTargetPercent,
    List<MachineView> machines,
    boolean collectorWrites,
    BackupView backup, SecondRegion second, PublicHost publicHost, String testFolder) {
  public EnvView {
    databases = List.copyOf(databases);
    deployables = List.copyOf(deployables);
    secrets = List.copyOf(secrets);
    external = List.copyOf(external);
    routes = List.copyOf(routes);
    scaling = List.copyOf(scaling);
    machines = List.copyOf(machines);
  }

  /** The NAT gateways this root's network creates (decide/capacity's NatGateways, which CAPACITY.md prices). */
  public int natGateways() {
    return NatGateways.perRegion(cloud, runtime).orElse(0);
  }

  /**
   * The broker's own size as this root creates it, in its service's unit (decide/capacity's BrokerSize):
   * MSK's brokers, one per zone, and their storage; Amazon MQ's nodes; Managed Kafka's vCPU and memory,
   * which Google places; Event Hubs' processing (Premium) or throughput (Standard) units. Empty without
   * a broker of its own.
   */
  public String brokerSize() {
    if (broker == null || broker.pubsub()) {
      return "";
    }
    if (broker.technology().equals("rabbitmq")) {
      return broker.nodes() + " " + broker.instance() + " nodes, one per zone";
    }
    return switch (cloud) {
      case "gcp" -> broker.vcpu() + " vCPU and " + (broker.memoryBytes() >> 30) + " GiB of Managed Service for Apache"
          + " Kafka, which Google places in the region's zones";
      case "azure" -> "an Event Hubs " + broker.instance() + " namespace of " + broker.throughputUnits()
          + (broker.instance().equals("Premium") ? " processing" : " throughput") + " unit(s)";
      default -> broker.nodes() + " " + broker.instance() + " brokers, one per zone, with " + broker.storageGb()
          + " GB of storage each";
    };
  }

  /** The container registry this root creates, which its runtime pulls the images from (facts/deploy/Registries). */
  public Registries.Registry registry() {
    return Registries.of(Cloud.valueOf(cloud.toUpperCase(java.util.Locale.ROOT)), project, env, region);
  }

  /** The port every deployable listens on. */
  public int port() {
    return Deployable.PORT;
  }

  /** The path a load balancer checks a deployable's readiness on. */
  public String healthPath() {
    return Deployable.READY_PATH;
  }

  /** The public deployables. */
  public List<String> publicDeployables() {
    return routes.stream().map(RouteView::deployable).distinct().toList();
  }

  /** The Azure resource group of this root, as the descriptors of deploy/ name it. */
  public String resourceGroup() {
    return CloudNames.resourceGroup(project, env);
  }

  /** The Key Vault of this root (Azure), as the descriptors of deploy/ name it. */
  public String keyVault() {
    return CloudNames.keyVault(project, env);
  }

  /** The Container Apps environment (Azure), as the descriptors of deploy/ name it. */
  public String containerAppsEnvironment() {
    return CloudNames.containerAppsEnvironment(project);
  }

  /** Cloud Run's Serverless VPC Access connector, as the descriptors of deploy/ name it. */
  public String connector() {
    return CloudNames.vpcConnector(project);
  }

  /** The Google service account id of {@code deployable}, as the descriptors of deploy/ name it. */
  public String serviceAccountId(String deployable) {
    return CloudNames.serviceAccountId(project, deployable);
  }

  /** The recovery region this root's databases (or DynamoDB tables) copy their backups to; empty for none. */
  public String backupRegion() {
    return databases.stream().map(DatabaseView::backupRegion).filter(r -> !r.isEmpty()).findFirst()
        .orElse(backup == null ? "" : backup.copyRegion());
  }

  /** The Key Vault in the recovery region that holds the key of the databases' geo-redundant backups (Azure). */
  public String backupKeyVault() {
    String vault = keyVault();
    String cut = vault.length() > 20 ? vault.substring(0, 20) : vault;
    while (cut.endsWith("-")) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "-geo";
  }

  /** What ends the names of this root's IAM roles (AWS; facts/deploy/CloudNames): empty in prod. */
  public String roleSuffix() {
    return CloudNames.roleSuffix(env);
  }

  /**
   * What begins this root's regional AWS names: its secret entries, ECR repositories, log groups, auto
   * scaling groups and launch templates (facts/deploy/CloudNames): the project's name, and in dev and
   * staging the root's.
   */
  public String namespace() {
    return CloudNames.awsNamespace(project, env);
  }

  /** This root's ECS cluster and Service Connect namespace (AWS managed containers; facts/deploy/CloudNames). */
  public String ecsCluster() {
    return CloudNames.ecsCluster(project, env);
  }

  /** The names of this root's load balancers and target groups (AWS; facts/deploy/CloudNames). */
  public LoadBalancing loadBalancing() {
    return LoadBalancing.of(project, env, publicDeployables(), machines.stream().map(MachineView::name).toList());
  }

  /** What the root's CI identities trust and output (facts/deploy/CiIdentities), and the SAM stack's functions. */
  public CiView ci() {
    return new CiView(env, cloud, project, deployables, secondRegion());
  }

  /**
   * What begins the name of the bucket this root's SAM deploy uploads its template to (deployment serverless
   * on aws; facts/deploy/CloudNames), empty when the root deploys no SAM stack.
   */
  public String samArtifacts() {
    return sam() ? CloudNames.samArtifactsPrefix(project, env) : "";
  }

  /** Whether this root's functions are a SAM stack: serverless on aws, no other runtime in its place. */
  public boolean sam() {
    return cloud.equals("aws") && runtime.equals("serverless") && cluster == null && !managedContainers
        && machines.isEmpty();
  }

  /** The identity the Kubernetes overlays' secret store reads secrets as (facts/deploy/CloudNames). */
  public String secretStoreAccount() {
    return CloudNames.secretStoreAccount(project);
  }

  /** The CodeBuild project hosting this root's deploy runners in the cluster's VPC (AWS; facts/deploy/CloudNames). */
  public String deployRunner() {
    return CloudNames.deployRunner(project, env);
  }

  /** The Kubernetes cluster's name in this root (facts/deploy/CloudNames). */
  public String clusterName() {
    return CloudNames.cluster(project, env);
  }

  /** Whether this root builds the second production region, whose databases replicate production's. */
  public boolean secondRegion() {
    return second != null && env.equals(second.root());
  }

  /**
   * The folder, below a runtime's folder of deploy/, of the descriptors or user data rendered for this
   * root: {@code /prod-<cell>} for a cell's, {@code /<root>} for the second region's when the deploy
   * workflow deploys there (facts/deploy/SecondRegion), under dataResidency the home cell's for dev and
   * staging ({@code testFolder}, as their deploy jobs apply), else empty (production's own, in the folder itself).
   */
  public String deployFolder() {
    if (!cell.isEmpty()) {
      return "/prod-" + cell;
    }
    if (!testFolder.isEmpty() && !env.startsWith("prod")) {
      return "/" + testFolder;
    }
    return secondRegion() && SecondRegion.deployedOn(Cloud.valueOf(cloud.toUpperCase(java.util.Locale.ROOT)), runtime)
        ? "/" + env : "";
  }

  /**
   * How this production root's record of the public host routes clients when backup-dr has a second
   * region and the root's own load balancer fronts the public deployables ({@link SecondRegion#recordsPublicHost}):
   * {@code PRIMARY} (prod) or {@code SECONDARY} (the warm standby) of a Route 53 failover pair,
   * {@code LATENCY} for active-active; empty where infra/ writes no such record.
   */
  public String failover() {
    if (second == null || routes.isEmpty() || !SecondRegion.recordsPublicHost(Cloud.valueOf(cloud.toUpperCase(
        java.util.Locale.ROOT)), runtime)) {
      return "";
    }
    return !second.warm() ? "LATENCY" : secondRegion() ? "SECONDARY" : "PRIMARY";
  }

  /** Whether this root is sized and protected as production. */
  public boolean production() {
    return tier.equals("prod");
  }
}
