package dev.archforge.deliverable.docker;

import java.util.List;

/**
 * What {@code deploy/docker-compose.yaml} shows: the deployables, the stateful containers they
 * depend on, and the named volumes. Secrets come from env files only; every other value is here.
 *
 * @param notes comment lines for the top of the file
 */
public record ComposeView(List<App> apps, List<Store> stores, List<String> volumes, List<String> notes) {
  public ComposeView {
    apps = List.copyOf(apps);
    stores = List.copyOf(stores);
    volumes = List.copyOf(volumes);
    notes = List.copyOf(notes);
  }

  /** One environment variable with its value. */
  public record Env(String key, String value) {}

  /**
   * A deployable's container.
   *
   * @param sourceVariable the variable naming the build context (the service's source folder)
   * @param envFile the env file of its secrets, relative to the compose file; null when it has none
   * @param healthcheck the {@code test} of the health check, a JSON array starting with {@code CMD}
   */
  public record App(String name, String image, String sourceVariable, int hostPort, int port, List<Env> environment,
      String envFile, List<String> dependsOn, String healthcheck) {
    public App {
      environment = List.copyOf(environment);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /**
   * A database, cache or broker container.
   *
   * @param command the command as a JSON array, or null for the image's own
   * @param envFile the env file of its credentials, or null
   * @param healthcheck the {@code test} of the health check, a JSON array
   */
  public record Store(String name, String image, String command, List<Env> environment, String envFile,
      String volume, String dataPath, String healthcheck, String startPeriod) {
    public Store {
      environment = List.copyOf(environment);
    }
  }
}
