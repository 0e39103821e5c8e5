package dev.archforge.deliverable.vm;

import java.util.List;

/**
 * What the cloud-init user data of one deployable's machines shows: the image it runs under
 * Podman, its environment and secrets, health check, log file and the bounds of its instance group.
 *
 * @param cloud {@code aws}, {@code gcp}, {@code azure} or {@code any}: where secrets come from and which
 *     logging agent ships the log
 * @param exposed whether it takes traffic from outside: the only ones behind the public load balancer
 * @param minInstances the instance group's floor (the availability target's replica floor, CAPACITY.md)
 * @param maxInstances the ceiling (CAPACITY.md's autoscaling maximum)
 * @param healthCommand the command in the image that fails unless the service is ready
 * @param env the non-secret environment, in order
 * @param secrets each secret variable with where the cloud's secret store keeps it
 * @param region the region it runs in: the plan's primary one, or its cell's
 * @param dir the folder its user data is written to ({@code deploy/vm/}, or a cell's {@code prod-<cell>/} in it)
 */
public record HostView(
    String cloud,
    String name,
    String project,
    String image,
    int port,
    int uid,
    String readyPath,
    boolean exposed,
    int minInstances,
    int maxInstances,
    List<String> healthCommand,
    List<Entry> env,
    List<Entry> secrets,
    String region,
    String dir) {
  public HostView {
    healthCommand = List.copyOf(healthCommand);
    env = List.copyOf(env);
    secrets = List.copyOf(secrets);
  }

  /** An environment variable, or a secret variable with its name in the secret store. */
  public record Entry(String key, String value) {}

  /** The user data's file name. */
  public String file() {
    return name + ".cloud-init.yaml";
  }

  /**
   * The health command as Podman's {@code --health-cmd} takes an exec form (a JSON array), quoted
   * as one word of a systemd command line (C escapes, {@code %%} for a percent sign).
   */
  public String healthArg() {
    String json = healthJson();
    return "'" + json.replace("\\", "\\\\").replace("'", "\\'").replace("%", "%%") + "'";
  }

  String healthJson() {
    StringBuilder json = new StringBuilder("[");
    for (String part : healthCommand) {
      json.append(json.length() > 1 ? "," : "").append('"').append(part.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return json.append(']').toString();
  }

  /** The file the container's output goes to, which the cloud's logging agent ships. */
  public String logFile() {
    return "/var/log/" + project + "/" + name + ".log";
  }
}
