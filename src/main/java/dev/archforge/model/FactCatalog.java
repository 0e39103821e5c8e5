package dev.archforge.model;

import dev.archforge.condition.FactTypes;
import dev.archforge.condition.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a blueprint's rules may read, with their types and meaning, and the order in which
 * topics are decided. A rule of a topic may read the choices of topics decided before it
 * ({@code decision.<topicInCamelCase>}); the {@code cost.*} facts exist only for the cost topic.
 */
public final class FactCatalog {
  /** A fact a rule may name. */
  public record Fact(String name, Type type, String meaning) {}

  /** Topics in the order they are decided; a later topic's rules may read earlier choices. */
  public static final List<String> DECIDE_ORDER = List.of("architecture-style", "database", "messaging",
      "consistency", "caching", "api-gateway", "api-versioning", "authentication", "authorization", "deployment",
      "scaling", "resilience", "observability", "secrets", "data-protection", "backup-dr", "cost");

  private static final List<Fact> BASE = List.of(
      fact("project.name", Type.TEXT, "project.name"),
      fact("project.domain", Type.TEXT, "project.domain, as written (free text)"),
      fact("project.keywords", Type.TEXT_LIST,
          "lower-case words of project.title, project.description and project.domain, e.g. \"ledger\""),
      fact("project.cloud", Type.TEXT, "aws, gcp, azure or any"),
      fact("team.size", Type.NUMBER, "people building the system"),
      fact("team.languages", Type.TEXT_LIST, "project.team.languages"),
      fact("budget.monthlyUsd", Type.NUMBER, "the monthly infrastructure budget; null when not given"),
      fact("scale.concurrentUsers", Type.NUMBER, "as given; null when not given"),
      fact("scale.peakRps", Type.NUMBER, "as given; null when not given (capacity.peakRps is always known)"),
      fact("scale.readRatio", Type.NUMBER, "share of requests that are reads, 0..1 (default 0.8)"),
      fact("scale.dataGb", Type.NUMBER, "data at launch; null when not given"),
      fact("scale.growthGbPerMonth", Type.NUMBER, "as given; null when not given"),
      fact("scale.latencyP99Ms", Type.NUMBER, "the p99 latency target; null when not given"),
      fact("scale.availability", Type.NUMBER, "the availability target in percent (default 99.9)"),
      fact("scale.regions", Type.NUMBER, "regions serving traffic (default 1)"),
      fact("scale.multiRegionWrites", Type.BOOLEAN, "every serving region accepts writes, which survive losing a region"
          + " (default false)"),
      fact("scale.assumed", Type.TEXT_LIST, "the scale keys the file leaves out"),
      fact("capacity.peakRps", Type.NUMBER, "peak requests per second, given or derived"),
      fact("capacity.readRps", Type.NUMBER, "peak read requests per second"),
      fact("capacity.writeRps", Type.NUMBER, "peak write requests per second"),
      fact("capacity.dataGb", Type.NUMBER, "data at launch, given or assumed"),
      fact("capacity.storageGb12", Type.NUMBER, "data after 12 months"),
      fact("capacity.storageGb36", Type.NUMBER, "data after 36 months"),
      fact("capacity.replicaFloor", Type.NUMBER, "the fewest pods a stateless service runs: 1, 2 from 99.9 %, "
          + "3 from 99.99 % availability (the autoscalers' minimum)"),
      fact("compliance", Type.TEXT_LIST, "the compliance regimes named, e.g. \"pci-dss\""),
      fact("compliance.count", Type.NUMBER, "how many compliance regimes are named"),
      fact("compliance.gdpr", Type.BOOLEAN, "GDPR applies"),
      fact("compliance.pciDss", Type.BOOLEAN, "PCI DSS applies"),
      fact("compliance.hipaa", Type.BOOLEAN, "HIPAA applies"),
      fact("compliance.soc2", Type.BOOLEAN, "SOC 2 applies"),
      fact("compliance.iso27001", Type.BOOLEAN, "ISO 27001 applies"),
      fact("dataResidency", Type.TEXT_LIST, "the jurisdictions under dataResidency, e.g. \"eu\"; empty when none"),
      fact("cells.residency", Type.BOOLEAN, "dataResidency binds each jurisdiction's data to its cell"),
      fact("cells.count", Type.NUMBER, "cells the system runs in: one per dataResidency jurisdiction, else 1"),
      fact("cells.regions", Type.NUMBER, "regions serving traffic in a cell: max(1, ⌈scale.regions / cells.count⌉),"
          + " at most the regions its jurisdiction has"),
      fact("cells.layout", Type.TEXT, "each cell with its serving and recovery regions, e.g. \"eu: eu-west-1,"
          + " recovery eu-central-1\""),
      fact("cells.recoveryRegion", Type.BOOLEAN, "every cell has a region for backups and a standby besides its"
          + " primary, within its jurisdiction"),
      fact("cells.recovery", Type.TEXT, "each cell with the region its backups are copied to, e.g. \"eu: eu-central-1;"
          + " uk: none\""),
      fact("security.authentication", Type.TEXT, "oidc, jwt, api-key, mtls or none"),
      fact("security.roles", Type.TEXT_LIST, "security.roles"),
      fact("security.roleCount", Type.NUMBER, "how many roles are named"),
      fact("services.count", Type.NUMBER, "how many services are named"),
      fact("services.publicCount", Type.NUMBER, "services with exposure public"),
      fact("services.internalCount", Type.NUMBER, "services with exposure internal"),
      fact("services.restCount", Type.NUMBER, "services with api rest"),
      fact("services.graphqlCount", Type.NUMBER, "services with api graphql"),
      fact("services.grpcCount", Type.NUMBER, "services with api grpc"),
      fact("services.languages", Type.TEXT_LIST, "the languages services are written in"),
      fact("services.syncCalls", Type.NUMBER, "synchronous call edges (services.*.calls)"),
      fact("services.callDepth", Type.NUMBER, "the longest chain of synchronous calls, in edges"),
      fact("entities.count", Type.NUMBER, "how many entities are named"),
      fact("entities.piiFields", Type.NUMBER, "fields marked pii"),
      fact("entities.secretFields", Type.NUMBER, "fields marked secret"),
      fact("entities.maxPerService", Type.NUMBER, "the most entities one service owns"),
      fact("events.count", Type.NUMBER, "how many events are named"),
      fact("events.crossService", Type.NUMBER, "events one service publishes and another consumes"),
      fact("events.chains", Type.NUMBER,
          "services that consume an event and publish another that a third service consumes: steps of a "
              + "workflow spanning services"),
      fact("operations.count", Type.NUMBER, "domain operations (entities.*.operations)"),
      fact("operations.emitting", Type.NUMBER, "domain operations that publish an event (emits)"),
      fact("operations.crossService", Type.NUMBER,
          "domain operations whose event a service other than the entity's owner consumes"),
      fact("entities.stateMachines", Type.NUMBER, "entities whose states field makes them a state machine"));

  private static final List<Fact> COST = List.of(
      fact("cost.monthlyUsd", Type.NUMBER, "the estimated monthly cost of the plan"),
      fact("cost.budgetShare", Type.NUMBER, "cost.monthlyUsd / budget.monthlyUsd; null without a budget"));

  private FactCatalog() {}

  private static Fact fact(String name, Type type, String meaning) {
    return new Fact(name, type, meaning);
  }

  /** {@code api-gateway} → {@code decision.apiGateway}. */
  public static String decisionFact(String topic) {
    StringBuilder name = new StringBuilder("decision.");
    boolean upper = false;
    for (char c : topic.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  /** Every fact a rule of {@code topic} may read. */
  public static List<Fact> forTopic(String topic) {
    List<Fact> facts = new ArrayList<>(BASE);
    int index = DECIDE_ORDER.indexOf(topic);
    for (String earlier : DECIDE_ORDER.subList(0, Math.max(0, index))) {
      facts.add(fact(decisionFact(earlier), Type.TEXT, "the choice for " + earlier));
    }
    if (topic.equals("cost")) {
      facts.addAll(COST);
    }
    return facts;
  }

  /** Every fact a check may read: all of them, since checks run on the decided plan. */
  public static List<Fact> forChecks() {
    List<Fact> facts = new ArrayList<>(forTopic("cost"));
    facts.add(fact(decisionFact("cost"), Type.TEXT, "the choice for cost"));
    return facts;
  }

  /** The facts of a topic as the condition language's catalog. */
  public static FactTypes types(List<Fact> facts) {
    Map<String, Type> byName = new LinkedHashMap<>();
    facts.forEach(f -> byName.put(f.name(), f.type()));
    return new FactTypes() {
      @Override
      public Optional<Type> typeOf(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<String> names() {
        return byName.keySet();
      }
    };
  }
}
