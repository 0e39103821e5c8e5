package dev.archforge.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decision topics of format 1, with the options a user may name under {@code decisions:}.
 * Topics the format lists no options for take an option name of the blueprint's rules (kebab-case,
 * e.g. {@code cloud-secret-manager}); the decide stage checks it against the blueprint.
 */
public enum DecisionTopic {
  ARCHITECTURE_STYLE("architecture-style", "modular-monolith", "microservices", "serverless"),
  CONSISTENCY("consistency", "local-transactions", "outbox", "saga", "event-sourcing"),
  API_GATEWAY("api-gateway", "none", "gateway", "gateway-and-bff"),
  DATABASE("database", "postgresql", "mysql", "mongodb", "dynamodb", "cassandra", "distributed-sql"),
  CACHING("caching", "none", "redis", "cdn-and-redis"),
  MESSAGING("messaging", "none", "rabbitmq", "kafka", "cloud-pubsub"),
  API_VERSIONING("api-versioning", "url", "header"),
  AUTHENTICATION("authentication", "oidc", "jwt", "api-key", "mtls", "none"),
  AUTHORIZATION("authorization", "rbac", "abac"),
  SCALING("scaling"),
  RESILIENCE("resilience"),
  OBSERVABILITY("observability"),
  DEPLOYMENT("deployment", "kubernetes", "managed-containers", "serverless", "vm"),
  SECRETS("secrets"),
  DATA_PROTECTION("data-protection"),
  BACKUP_DR("backup-dr"),
  COST("cost");

  private final String id;
  private final List<String> options;

  DecisionTopic(String id, String... options) {
    this.id = id;
    this.options = List.of(options);
  }

  public String id() {
    return id;
  }

  /** The accepted choices; empty when the blueprint's rules name them. */
  public List<String> options() {
    return options;
  }

  public boolean accepts(String choice) {
    return options.isEmpty() ? choice.matches("[a-z][a-z0-9-]{0,59}") : options.contains(choice);
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(DecisionTopic::id).toList();
  }

  public static Optional<DecisionTopic> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
