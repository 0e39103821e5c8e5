package dev.archforge.deliverable.containers;

import dev.archforge.facts.deploy.CloudNames;
import java.util.ArrayList;
import dev.archforge.facts.deploy.Telemetry;
import java.util.List;

/**
 * What the platform descriptor of one deployable shows: its image, port, health checks, instance
 * bounds and resources from CAPACITY.md, its environment and where each secret comes from.
 *
 * @param platform {@code cloudrun}, {@code ecs} or {@code containerapps}
 * @param exposed whether it takes traffic from outside (a public service): the only ones with public ingress
 * @param minInstances the floor (the availability target's replica floor)
 * @param maxInstances the ceiling (CAPACITY.md's autoscaling maximum)
 * @param cpu the CPU of one instance as the platform writes it ({@code "1"}, {@code "512"}, {@code 0.5})
 * @param memory the memory of one instance as the platform writes it ({@code 1024Mi}, {@code "1024"}, {@code 1Gi})
 * @param healthCommand the command in the image that fails unless the service is ready
 * @param env the non-secret environment, in order
 * @param secrets the secret environment, each with its reference in the cloud's secret manager
 * @param account the placeholder account, project or subscription of the cloud, to replace
 * @param region the region it runs in: the plan's primary one, or its cell's
 * @param group the Azure resource group of the production root it deploys into ({@code CloudNames.resourceGroup}:
 *     {@code <project>-prod}, or {@code <project>-prod-<cell>} under {@code dataResidency})
 * @param dir the folder its descriptor is written to ({@code deploy/<platform>/}, or a cell's {@code prod-<cell>/} in it)
 * @param connector the Serverless VPC Access connector Cloud Run reaches the data stores through
 * @param environment the Container Apps environment in {@code group}
 * @param sidecars the collector that runs beside it when the runtime's telemetry fact says so; else empty
 * @param triggers what starts it when it consumes events as a function off AWS (facts/deploy/ConsumerTrigger)
 */
public record ContainerView(
    String platform,
    String name,
    String project,
    String image,
    int port,
    String portName,
    boolean grpc,
    int uid,
    String readyPath,
    String livePath,
    boolean exposed,
    int minInstances,
    int maxInstances,
    String cpu,
    String memory,
    List<String> healthCommand,
    List<Entry> env,
    List<Entry> secrets,
    String account,
    String region,
    String group,
    String dir,
    String connector,
    String environment,
    List<Telemetry.Collector> sidecars,
    List<Trigger> triggers) {
  public ContainerView {
    sidecars = List.copyOf(sidecars);
    healthCommand = List.copyOf(healthCommand);
    env = List.copyOf(env);
    secrets = List.copyOf(secrets);
    triggers = List.copyOf(triggers);
  }

  /** A descriptor that no event triggers. */
  public ContainerView(String platform, String name, String project, String image, int port, String portName,
      boolean grpc, int uid, String readyPath, String livePath, boolean exposed, int minInstances, int maxInstances,
      String cpu, String memory, List<String> healthCommand, List<Entry> env, List<Entry> secrets, String account,
      String region, String group, String dir, String connector, String environment,
      List<Telemetry.Collector> sidecars) {
    this(platform, name, project, image, port, portName, grpc, uid, readyPath, livePath, exposed, minInstances,
        maxInstances, cpu, memory, healthCommand, env, secrets, account, region, group, dir, connector, environment,
        sidecars, List.of());
  }

  /** The same descriptor with these triggers and the environment they add. */
  ContainerView with(List<Trigger> triggers, List<Entry> more) {
    List<Entry> all = new ArrayList<>(env);
    all.addAll(more);
    return new ContainerView(platform, name, project, image, port, portName, grpc, uid, readyPath, livePath, exposed,
        minInstances, maxInstances, cpu, memory, healthCommand, all, secrets, account, region, group, dir, connector,
        environment, sidecars, triggers);
  }

  /**
   * A trigger as the descriptor writes it: a Container Apps (KEDA) scale rule, or {@code pull} on
   * Cloud Run (CPU kept between requests, the consumer reads its broker itself).
   *
   * @param type the KEDA scaler ({@code kafka}, {@code azure-servicebus}, {@code rabbitmq}) or {@code pull}
   * @param metadata the scaler's metadata
   * @param auth each scaler parameter ({@code key}) with the Container App secret it reads ({@code value})
   * @param identity the managed identity the scaler authenticates with; empty when it uses {@link #auth}
   */
  public record Trigger(String name, String type, List<Entry> metadata, List<Entry> auth, String identity) {
    public Trigger {
      metadata = List.copyOf(metadata);
      auth = List.copyOf(auth);
    }
  }

  /** An environment variable, or a secret variable with its reference. */
  public record Entry(String key, String value) {}

  /**
   * The identity the service runs as, with access to its own secrets only: a Google service account,
   * an IAM role for the ECS task, a user-assigned managed identity on Azure.
   */
  public String identity() {
    return switch (platform) {
      case "cloudrun" -> CloudNames.serviceAccountId(project, name) + "@" + account + ".iam.gserviceaccount.com";
      case "ecs" -> "arn:aws:iam::" + account + ":role/" + CloudNames.awsRole(project, name + "-task", root());
      default -> "/subscriptions/" + account + "/resourceGroups/" + group + "/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    };
  }

  /** The ECS task execution role: pulls the image, reads the secrets, writes the logs. */
  public String executionRole() {
    return "arn:aws:iam::" + account + ":role/" + CloudNames.awsRole(project, name + "-execution", root());
  }

  /** The ECS cluster the service runs in as written: its root's (facts/deploy/CloudNames), which the deploy replaces. */
  public String cluster() {
    return CloudNames.ecsCluster(project, root());
  }

  /** The root of infra/ the descriptor deploys into as written: {@code prod}, or its cell's (its folder's name). */
  private String root() {
    java.util.regex.Matcher cell = java.util.regex.Pattern.compile(".*/(prod-[^/]+)/$").matcher(dir);
    return cell.matches() ? cell.group(1) : CloudNames.productionRoot("");
  }
}
