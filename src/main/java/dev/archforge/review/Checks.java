package dev.archforge.review;

import java.util.List;

/** The review's own checks, beside generate's validators. */
final class Checks {
  private Checks() {}

  static List<Check> all() {
    return List.of(new ContractLimits(), new KubernetesSecretsCheck(), new DockerfileCheck(), new ComposeCheck(),
        new MigrationHygiene());
  }
}
