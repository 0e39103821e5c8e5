package dev.archforge.decide;

import dev.archforge.condition.Facts;
import dev.archforge.decide.capacity.PodSizing;
import dev.archforge.model.Api;
import dev.archforge.model.Cells;
import dev.archforge.model.Compliance;
import dev.archforge.model.Field;
import dev.archforge.model.Operation;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Service;
import dev.archforge.model.Spelled;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts of {@link dev.archforge.model.FactCatalog} that come from the requirements and the
 * baseline capacity figures. Derived counts (cross-service events, call depth) are computed here,
 * once, so that rules stay simple comparisons.
 */
final class RequirementFacts {
  private RequirementFacts() {}

  /**
   * @param capacity the baseline figures by key: peakRps, readRps, writeRps, dataGb, storageGb12,
   *     storageGb36
   */
  static Facts.Builder of(Requirements r, Map<String, Double> capacity) {
    Facts.Builder facts = Facts.builder();
    facts.text("project.name", r.project().name())
        .text("project.domain", r.project().domain())
        .texts("project.keywords", keywords(r))
        .text("project.cloud", r.project().cloud().spelling())
        .number("team.size", (double) r.project().team().size())
        .texts("team.languages", spellings(r.project().team().languages()))
        .number("budget.monthlyUsd", number(r.project().budget().monthlyUsd()));
    scale(facts, r.scale());
    for (String key : List.of("peakRps", "readRps", "writeRps", "dataGb", "storageGb12", "storageGb36")) {
      facts.number("capacity." + key, capacity.get(key));
    }
    facts.number("capacity.replicaFloor", (double) PodSizing.availabilityFloor(r.scale().availability()));
    List<String> compliance = spellings(r.compliance());
    facts.texts("compliance", compliance)
        .number("compliance.count", (double) compliance.size())
        .flag("compliance.gdpr", r.compliance().contains(Compliance.GDPR))
        .flag("compliance.pciDss", r.compliance().contains(Compliance.PCI_DSS))
        .flag("compliance.hipaa", r.compliance().contains(Compliance.HIPAA))
        .flag("compliance.soc2", r.compliance().contains(Compliance.SOC2))
        .flag("compliance.iso27001", r.compliance().contains(Compliance.ISO27001))
        .text("security.authentication", r.security().authentication().spelling())
        .texts("security.roles", r.security().roles())
        .number("security.roleCount", (double) r.security().roles().size());
    services(facts, r);
    List<Field> fields = r.entities().stream().flatMap(e -> e.fields().stream()).toList();
    facts.number("entities.count", (double) r.entities().size())
        .number("entities.piiFields", (double) fields.stream().filter(Field::pii).count())
        .number("entities.secretFields", (double) fields.stream().filter(Field::secret).count())
        .number("entities.maxPerService",
            (double) r.services().stream().mapToInt(s -> s.entities().size()).max().orElse(0));
    facts.number("events.count", (double) r.events().size())
        .number("events.crossService", (double) crossServiceEvents(r))
        .number("events.chains", (double) eventChains(r));
    List<Operation> operations = r.entities().stream().flatMap(e -> e.operations().stream()).toList();
    facts.number("operations.count", (double) operations.size())
        .number("operations.emitting", (double) operations.stream().filter(o -> o.emits() != null).count())
        .number("operations.crossService", (double) crossServiceOperations(r))
        .number("entities.stateMachines", (double) r.entities().stream().filter(e -> e.states() != null).count());
    return facts;
  }

  /** The facts of the cells the system runs in (data residency). */
  static void cells(Facts.Builder facts, Requirements r, Cells cells) {
    facts.texts("dataResidency", spellings(r.dataResidency()))
        .flag("cells.residency", cells.residency())
        .number("cells.count", (double) cells.cells().size())
        .number("cells.regions", (double) cells.servingPerCell())
        .text("cells.layout", String.join("; ", cells.cells().stream().map(c -> c.jurisdiction() + ": "
            + String.join(", ", c.serving()) + c.recovery().filter(x -> !c.serving().contains(x))
            .map(x -> ", recovery " + x).orElse("")).toList()))
        .flag("cells.recoveryRegion", cells.cells().stream().allMatch(c -> c.recovery().isPresent()))
        .text(BackupCopies.FACT, BackupCopies.fact(cells));
  }

  private static void scale(Facts.Builder facts, Scale s) {
    facts.number("scale.concurrentUsers", number(s.concurrentUsers()))
        .number("scale.peakRps", number(s.peakRps()))
        .number("scale.readRatio", s.readRatio())
        .number("scale.dataGb", s.dataGb())
        .number("scale.growthGbPerMonth", s.growthGbPerMonth())
        .number("scale.latencyP99Ms", number(s.latencyP99Ms()))
        .number("scale.availability", s.availability())
        .number("scale.regions", (double) s.regions())
        .flag("scale.multiRegionWrites", s.multiRegionWrites())
        .texts("scale.assumed", s.assumed());
  }

  private static void services(Facts.Builder facts, Requirements r) {
    List<Service> services = r.services();
    facts.number("services.count", (double) services.size())
        .number("services.publicCount", (double) services.stream().filter(Service::isPublic).count())
        .number("services.internalCount", (double) services.stream().filter(s -> !s.isPublic()).count())
        .number("services.restCount", (double) services.stream().filter(s -> s.api() == Api.REST).count())
        .number("services.graphqlCount", (double) services.stream().filter(s -> s.api() == Api.GRAPHQL).count())
        .number("services.grpcCount", (double) services.stream().filter(s -> s.api() == Api.GRPC).count())
        .texts("services.languages", services.stream().map(s -> s.language().spelling()).distinct().toList())
        .number("services.syncCalls", (double) services.stream().mapToInt(s -> s.calls().size()).sum())
        .number("services.callDepth", (double) CallGraph.of(r).depth());
  }

  /** Domain operations whose event a service other than the entity's owner consumes: steps of a workflow across services. */
  static long crossServiceOperations(Requirements r) {
    long count = 0;
    for (Service owner : r.services()) {
      for (var entity : r.ownedBy(owner)) {
        count += entity.operations().stream().filter(o -> o.emits() != null && r.services().stream()
            .anyMatch(c -> c != owner && c.consumes().contains(o.emits()))).count();
      }
    }
    return count;
  }

  /** Events that at least one service other than the publisher consumes. */
  static long crossServiceEvents(Requirements r) {
    return r.events().stream().filter(e -> r.services().stream().anyMatch(p -> p.publishes().contains(e.name())
        && r.services().stream().anyMatch(c -> c != p && c.consumes().contains(e.name())))).count();
  }

  /**
   * Services that consume an event from another service and publish an event that a third service
   * (or the first) consumes: the middle steps of a workflow that spans services.
   */
  static long eventChains(Requirements r) {
    Map<String, Set<String>> publishers = new HashMap<>();
    Map<String, Set<String>> consumers = new HashMap<>();
    for (Service s : r.services()) {
      s.publishes().forEach(e -> publishers.computeIfAbsent(e, k -> new HashSet<>()).add(s.name()));
      s.consumes().forEach(e -> consumers.computeIfAbsent(e, k -> new HashSet<>()).add(s.name()));
    }
    return r.services().stream().filter(s -> {
      boolean consumesForeign = s.consumes().stream()
          .anyMatch(e -> publishers.getOrDefault(e, Set.of()).stream().anyMatch(p -> !p.equals(s.name())));
      boolean feedsAnother = s.publishes().stream()
          .anyMatch(e -> consumers.getOrDefault(e, Set.of()).stream().anyMatch(c -> !c.equals(s.name())));
      return consumesForeign && feedsAnother;
    }).count();
  }

  private static List<String> keywords(Requirements r) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : new String[] {r.project().title(), r.project().description(), r.project().domain()}) {
      if (text != null) {
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).forEach(words::add);
      }
    }
    return List.copyOf(words);
  }

  private static <E extends Spelled> List<String> spellings(List<E> values) {
    return values.stream().map(Spelled::spelling).toList();
  }

  private static Double number(Integer value) {
    return value == null ? null : value.doubleValue();
  }
}
