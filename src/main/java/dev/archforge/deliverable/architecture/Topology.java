package dev.archforge.deliverable.architecture;

import dev.archforge.facts.schema.MessageTables;
import dev.archforge.model.Api;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.List;

/**
 * How the plan's choices shape the running system: whether the declared services are modules of
 * one deployable or deployables of their own, and which database, broker, cache, gateway and
 * consistency pattern they use. A topic the plan does not decide reads as its plainest option.
 *
 * @param deployable the name of the one deployable of a modular monolith: the project's name
 * @param eventTable the table a publisher writes its events to in its own transaction, or null
 */
record Topology(
    String style,
    String deployable,
    String database,
    String messaging,
    String caching,
    String gateway,
    String consistency,
    String authentication,
    Cloud cloud,
    String eventTable) {

  static Topology of(Plan plan) {
    var r = plan.requirements();
    return new Topology(choice(plan, "architecture-style", "modular-monolith"), r.project().name(),
        choice(plan, "database", "postgresql"), choice(plan, "messaging", "none"), choice(plan, "caching", "none"),
        choice(plan, "api-gateway", "none"), choice(plan, "consistency", "local-transactions"),
        choice(plan, "authentication", r.security().authentication().spelling()), r.project().cloud(),
        new MessageTables(plan).publishing().orElse(null));
  }

  private static String choice(Plan plan, String topic, String otherwise) {
    return plan.decision(topic).map(Decision::choice).orElse(otherwise);
  }

  /** One deployable with one module per declared service. */
  boolean monolith() {
    return style.equals("modular-monolith");
  }

  boolean broker() {
    return !messaging.equals("none");
  }

  boolean cache() {
    return caching.equals("redis") || caching.equals("cdn-and-redis");
  }

  boolean cdn() {
    return caching.equals("cdn-and-redis");
  }

  boolean hasGateway() {
    return !gateway.equals("none");
  }

  boolean bff() {
    return gateway.equals("gateway-and-bff");
  }

  /** Callers present tokens issued by an identity provider. */
  boolean identityProvider() {
    return authentication.equals("oidc") || authentication.equals("jwt");
  }

  /** Events are written to a table in the publisher's transaction and relayed after commit. */
  boolean outbox() {
    return consistency.equals("outbox") || consistency.equals("saga") || (monolith() && !broker());
  }

  boolean saga() {
    return consistency.equals("saga");
  }

  boolean eventSourcing() {
    return consistency.equals("event-sourcing");
  }

  boolean sqlDatabase() {
    return database.equals("postgresql") || database.equals("mysql") || database.equals("distributed-sql");
  }

  /** Services that own entities each have a database; the monolith shares one. */
  List<Service> withData(List<Service> services) {
    return services.stream().filter(s -> !s.entities().isEmpty()).toList();
  }

  /** How a caller reaches a service: over the network by its API style, or in-process in a monolith. */
  String protocol(Service callee) {
    if (monolith()) {
      return "in-process call";
    }
    return protocol(callee.api());
  }

  static String protocol(Api api) {
    return switch (api) {
      case REST -> "REST/HTTPS";
      case GRPC -> "gRPC";
      case GRAPHQL -> "GraphQL/HTTPS";
    };
  }

  /** The way the authentication decision reaches a request, for labels. */
  String credential() {
    return switch (authentication) {
      case "oidc", "jwt" -> "bearer token";
      case "api-key" -> "API key";
      case "mtls" -> "client certificate";
      default -> "no credentials";
    };
  }
}
