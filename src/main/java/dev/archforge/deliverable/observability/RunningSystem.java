package dev.archforge.deliverable.observability;

import dev.archforge.facts.Facts;
import dev.archforge.facts.Products;
import dev.archforge.facts.messaging.MessageRoutes.Consumer;
import dev.archforge.model.Api;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.List;

/**
 * What the operations documents need to know about the running system: the deployables (one for
 * a modular monolith), which of them hold a database, and the chosen database, cache, broker and
 * runtime.
 */
record RunningSystem(
    boolean monolith,
    String project,
    List<Service> services,
    String database,
    boolean cache,
    String messaging,
    String deployment,
    Cloud cloud,
    String observability,
    List<Consumer> consumers) {

  static RunningSystem of(Facts facts) {
    Plan plan = facts.plan();
    var r = plan.requirements();
    String caching = choice(plan, "caching", "none");
    return new RunningSystem(choice(plan, "architecture-style", "modular-monolith").equals("modular-monolith"),
        r.project().name(), r.services(), choice(plan, "database", "postgresql"),
        caching.equals("redis") || caching.equals("cdn-and-redis"), choice(plan, "messaging", "none"),
        choice(plan, "deployment", "kubernetes"), r.project().cloud(), choice(plan, "observability",
            "logs-and-metrics"), facts.messaging().consumers());
  }

  private static String choice(Plan plan, String topic, String otherwise) {
    return plan.decision(topic).map(Decision::choice).orElse(otherwise);
  }

  String deployableOf(Service s) {
    return monolith ? project : s.name();
  }

  List<String> deployables() {
    return monolith ? List.of(project) : services.stream().map(Service::name).toList();
  }

  /** The services a deployable serves: every one in a monolith, else the one of that name. */
  List<Service> servedBy(String deployable) {
    return services.stream().filter(s -> deployableOf(s).equals(deployable)).toList();
  }

  boolean hasDatabase(String deployable) {
    return servedBy(deployable).stream().anyMatch(s -> !s.entities().isEmpty());
  }

  boolean sql() {
    return database.equals("postgresql") || database.equals("mysql");
  }

  boolean broker() {
    return !messaging.equals("none");
  }

  boolean kubernetes() {
    return deployment.equals("kubernetes");
  }

  boolean http(String deployable) {
    return servedBy(deployable).stream().anyMatch(s -> s.api() != Api.GRPC);
  }

  boolean rpc(String deployable) {
    return servedBy(deployable).stream().anyMatch(s -> s.api() == Api.GRPC);
  }

  /** The broker as a product name, e.g. {@code Kafka}. */
  String brokerName() {
    return Products.broker(messaging, cloud);
  }
}
