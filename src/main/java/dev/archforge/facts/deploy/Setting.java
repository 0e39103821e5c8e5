package dev.archforge.facts.deploy;

/**
 * One non-secret environment variable of a deployable, with its value under Docker Compose and in
 * the cluster (the Kubernetes ConfigMap).
 */
public record Setting(String key, String local, String cluster) {
  public static Setting same(String key, String value) {
    return new Setting(key, value, value);
  }
}
