package dev.archforge.deliverable.architecture;

import dev.archforge.facts.schema.MessageTables;
import dev.archforge.deliverable.architecture.ArchitectureView.Paragraph;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The overview of ARCHITECTURE.md in prose: the style and why, how the declared services become
 * deployables, and one paragraph per main choice (database, messaging, consistency, caching,
 * API gateway), each linked to its decision record.
 */
final class Overview {
  private Overview() {}

  static String style(Topology t) {
    return t.style().replace('-', ' ');
  }

  static List<Paragraph> of(Plan plan, Topology t, UnaryOperator<String> recordFile) {
    Requirements r = plan.requirements();
    List<Paragraph> list = new ArrayList<>();
    Optional<Decision> style = plan.decision("architecture-style");
    list.add(new Paragraph("Style: " + style(t) + ".", style.map(d -> String.join(" ",
        d.reasons().stream().limit(2).toList())).orElse("No architecture-style decision in the plan: read as a"
            + " modular monolith."), record(plan, "architecture-style", recordFile)));
    list.add(new Paragraph("Deployables.", deployables(r, t), null));
    list.add(paragraph(plan, recordFile, "database", "Database: " + ManagedServices.database(t.database()) + ".", database(r, t)));
    list.add(paragraph(plan, recordFile, "messaging", "Messaging: " + (t.broker()
        ? ManagedServices.broker(t.messaging(), t.cloud()) : "no broker") + ".", messaging(r, t)));
    list.add(paragraph(plan, recordFile, "consistency", "Consistency: " + t.consistency() + ".", consistency(t)));
    list.add(paragraph(plan, recordFile, "caching", "Caching: " + t.caching() + ".", caching(t)));
    list.add(paragraph(plan, recordFile, "api-gateway", "API gateway: " + t.gateway() + ".", gateway(t)));
    return list;
  }

  private static Paragraph paragraph(Plan plan, UnaryOperator<String> recordFile, String topic, String heading,
      String text) {
    String why = plan.decision(topic).map(Decision::summary).filter(s -> !s.isBlank()).map(s -> " " + s).orElse("");
    return new Paragraph(heading, text + why, record(plan, topic, recordFile));
  }

  private static String record(Plan plan, String topic, UnaryOperator<String> recordFile) {
    return plan.decision(topic).map(d -> "decisions/" + recordFile.apply(d.topic())).orElse(null);
  }

  private static String deployables(Requirements r, Topology t) {
    List<String> names = r.services().stream().map(Service::name).toList();
    String listed = String.join(", ", names);
    int n = names.size();
    if (t.monolith()) {
      return "The " + n + " declared service" + (n == 1 ? " is a module" : "s are modules") + " (" + listed
          + ") of one deployable, " + t.deployable() + ". Modules call each other in-process through their public"
          + " interfaces, never through another module's tables; one database holds a schema per module.";
    }
    String unit = t.style().equals("serverless") ? "a group of functions" : "a deployable";
    return "Each of the " + n + " declared services (" + listed + ") is " + unit + " of its own, built, released"
        + " and scaled on its own, with its own database (database per service). Services call each other over"
        + " the network with their API style (REST/HTTPS, gRPC or GraphQL) and exchange events asynchronously.";
  }

  private static String database(Requirements r, Topology t) {
    String name = ManagedServices.database(t.database());
    String managed = ManagedServices.managedDatabase(t.database(), t.cloud());
    List<String> owners = t.withData(r.services()).stream().map(Service::name).toList();
    if (owners.isEmpty()) {
      return "No service owns entities yet, so no database is needed so far.";
    }
    if (t.monolith()) {
      return "One " + name + " database (" + managed + ") with one schema per module that owns data: "
          + String.join(", ", owners) + ".";
    }
    return "One " + name + " database (" + managed + ") per service that owns data: " + String.join(", ", owners)
        + "; no service reads another's tables, and references across services are plain ids.";
  }

  private static String messaging(Requirements r, Topology t) {
    long events = r.events().size();
    if (t.broker()) {
      return "Events travel through " + ManagedServices.managedBroker(t.messaging(), t.cloud()) + ", one "
          + (t.messaging().equals("rabbitmq") ? "exchange" : "topic") + " per event type (" + events + " in all);"
          + " consumers handle each event once by its id.";
    }
    if (t.monolith()) {
      return events == 0 ? "No broker, and no events yet: events between modules would be dispatched in-process."
          : "No broker: modules exchange events in-process. Each event is recorded in the event publication"
              + " table `" + MessageTables.PUBLICATION + "` in the publisher's transaction and handed to the consuming modules after"
              + " commit, so none is lost.";
    }
    return events == 0 ? "No broker: the services exchange no events."
        : "No broker, yet the services exchange events: they are relayed from an outbox over HTTPS. A broker"
            + " would decouple publishers from consumers; revisit this decision.";
  }

  private static String consistency(Topology t) {
    return switch (t.consistency()) {
      case "outbox" -> "A change and the events it causes commit in one local transaction (transactional outbox);"
          + " a relay publishes them after commit.";
      case "saga" -> "Changes that span services run as sagas: each step commits locally with its events in an"
          + " outbox, and a failed step triggers compensating actions in the steps before it.";
      case "event-sourcing" -> "State is kept as an append-only stream of events per entity; the current state and"
          + " the published events are derived from it.";
      default -> "Each change commits in one local transaction of its owner.";
    };
  }

  private static String caching(Topology t) {
    return switch (t.caching()) {
      case "redis" -> "A shared Redis cache (" + ManagedServices.managedCache(t.cloud()) + ") in front of the"
          + " databases serves hot reads.";
      case "cdn-and-redis" -> ManagedServices.cdn(t.cloud()) + " caches public responses at the edge, and a shared"
          + " Redis cache (" + ManagedServices.managedCache(t.cloud()) + ") serves hot reads behind it.";
      default -> "No cache: reads go to the database.";
    };
  }

  private static String gateway(Topology t) {
    return switch (t.gateway()) {
      case "gateway" -> "One API gateway in front of the public services routes requests, checks credentials and"
          + " limits rates.";
      case "gateway-and-bff" -> "An API gateway routes, authenticates and limits requests; behind it a backend for"
          + " frontend per client app shapes the APIs for that app.";
      default -> "No gateway: public services are reached through the ingress and check credentials themselves.";
    };
  }
}
