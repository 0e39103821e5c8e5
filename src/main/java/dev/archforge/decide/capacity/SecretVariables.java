package dev.archforge.decide.capacity;

import dev.archforge.decide.KafkaLogin;
import dev.archforge.model.Cloud;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secret environment variables of each deployable and the secret-manager entries that hold them,
 * decided once: facts/deploy's deployables carry the variables (the descriptors read them, infra/
 * creates their entries) and CAPACITY.md counts the entries. A deployable that owns data has its
 * database's user and password (none for DynamoDB, reached by its identity) and the cache's password
 * when a cache is chosen; one that publishes or consumes events has the broker's user and password,
 * unless it presents a client certificate (mtls where the broker takes one).
 */
public final class SecretVariables {
  private SecretVariables() {}

  /**
   * The variables of one deployable: a modular monolith's one deployable (named after the project)
   * holds every service, a microservice itself, a backend for frontend none.
   *
   * @param choices the plan's choices, topic to option
   */
  public static List<String> of(Requirements r, Map<String, String> choices, String deployable) {
    return of(r, choices, deployable, r.project().cloud());
  }

  /** The variables of one deployable when the system runs on {@code cloud} (the broker's login depends on it). */
  public static List<String> of(Requirements r, Map<String, String> choices, String deployable, Cloud cloud) {
    boolean monolith = choices.getOrDefault("architecture-style", "modular-monolith").equals("modular-monolith");
    List<Service> modules = monolith ? deployable.equals(r.project().name()) ? r.services() : List.of()
        : r.services().stream().filter(s -> s.name().equals(deployable)).toList();
    boolean ownsData = modules.stream().anyMatch(s -> !s.entities().isEmpty());
    boolean events = modules.stream().anyMatch(s -> !s.publishes().isEmpty() || !s.consumes().isEmpty());
    List<String> secrets = new ArrayList<>();
    if (ownsData) {
      if (!choices.getOrDefault("database", "postgresql").equals("dynamodb")) {
        secrets.addAll(List.of("DB_USER", "DB_PASSWORD"));
      }
      String caching = choices.getOrDefault("caching", "none");
      if (caching.equals("redis") || caching.equals("cdn-and-redis")) {
        secrets.add("CACHE_PASSWORD");
      }
    }
    boolean mutualTls = choices.getOrDefault("authentication", r.security().authentication().spelling())
        .equals("mtls");
    String messaging = choices.getOrDefault("messaging", "none");
    boolean password = switch (messaging) {
      case "kafka" -> KafkaLogin.of(cloud, mutualTls) != KafkaLogin.Kind.CERTIFICATE;
      case "rabbitmq" -> !mutualTls;
      default -> false;
    };
    if (events && password) {
      secrets.addAll(List.of("BROKER_USERNAME", "BROKER_PASSWORD"));
    }
    return secrets;
  }

  /**
   * Whether the runtime reads each secret variable's entry whole, so that each variable has an entry
   * of its own: Cloud Run and Container Apps (managed containers, and functions off aws). Elsewhere one
   * entry per deployable holds its variables as JSON keys (the External Secrets Operator, ECS, SAM and
   * virtual machines read keys of it).
   */
  public static boolean perVariable(Cloud cloud, Map<String, String> choices) {
    String deployment = choices.getOrDefault("deployment", "");
    boolean functions = deployment.equals("serverless");
    boolean containers = deployment.equals("managed-containers")
        && !choices.getOrDefault("architecture-style", "").equals("serverless");
    return cloud != Cloud.AWS && (functions || containers);
  }

  /**
   * The entries a deployable's variables are kept in: one per variable where {@code perVariable}
   * (named by {@code variableEntry}), else the one {@code jsonEntry} whose JSON keys they are; none
   * without variables.
   */
  public static List<String> entries(List<String> variables, boolean perVariable, String jsonEntry,
      UnaryOperator<String> variableEntry) {
    if (variables.isEmpty()) {
      return List.of();
    }
    return perVariable ? variables.stream().map(variableEntry).toList() : List.of(jsonEntry);
  }

  /** How many entries hold the variables of these deployables ({@link #entries}), on {@code cloud}. */
  public static int count(Requirements r, Map<String, String> choices, List<String> deployables, Cloud cloud) {
    boolean perVariable = perVariable(cloud, choices);
    return deployables.stream().mapToInt(d -> entries(of(r, choices, d, cloud), perVariable, d, v -> v).size()).sum();
  }
}
