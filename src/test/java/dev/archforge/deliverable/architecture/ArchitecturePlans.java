package dev.archforge.deliverable.architecture;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Access;
import dev.archforge.model.Api;
import dev.archforge.model.Authentication;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Budget;
import dev.archforge.model.Capacity;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Exposure;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Project;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import dev.archforge.model.Team;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plans for the architecture tests: every sample through the real loader and decider, as
 * decided and with the style and main choices overridden; and plans built by hand for what the
 * samples do not reach (hostile text, names that are Mermaid keywords, no broker between
 * microservices, a call cycle).
 */
final class ArchitecturePlans {
  /** Choices layered over a sample's own {@code decisions:}, by a name for test reports. */
  static final Map<String, Map<String, String>> VARIANTS = variants();

  private static Blueprint standard;

  private ArchitecturePlans() {}

  /** A plan with a name for parameterized tests. */
  record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Path> samples() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sample with every variant, decided by the real rules of the standard blueprint. */
  static List<Named> samplesAndVariants() {
    List<Named> list = new ArrayList<>();
    for (Path sample : samples()) {
      String name = sample.getFileName().toString().replace(".yaml", "");
      VARIANTS.forEach((variant, choices) -> list.add(new Named(name + " " + variant, decide(sample, choices))));
    }
    return list;
  }

  static Plan decide(Path sample, Map<String, String> choices) {
    LoadResult loaded = new RequirementsLoader().load(sample);
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError(sample + ": " + loaded.errors());
    }
    Requirements r = loaded.requirements().orElseThrow();
    Map<String, String> decisions = new LinkedHashMap<>(r.decisions());
    decisions.putAll(choices);
    Requirements chosen = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        r.services(), r.entities(), r.events(), decisions, r.decisionLocations(), r.entityLocations(), r.blueprint());
    return new RuleDecider().decide(chosen, standard());
  }

  private static synchronized Blueprint standard() {
    if (standard == null) {
      standard = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
          .orElseThrow();
    }
    return standard;
  }

  private static Map<String, Map<String, String>> variants() {
    Map<String, Map<String, String>> v = new LinkedHashMap<>();
    v.put("as decided", Map.of());
    v.put("microservices", Map.of("architecture-style", "microservices"));
    v.put("modular monolith", Map.of("architecture-style", "modular-monolith"));
    v.put("monolith without broker", Map.of("architecture-style", "modular-monolith", "messaging", "none"));
    v.put("microservices, rabbitmq, event sourcing, no gateway", Map.of("architecture-style", "microservices",
        "messaging", "rabbitmq", "consistency", "event-sourcing", "api-gateway", "none"));
    v.put("microservices, bff, cdn, local transactions", Map.of("architecture-style", "microservices",
        "api-gateway", "gateway-and-bff", "caching", "cdn-and-redis", "consistency", "local-transactions"));
    v.put("serverless", Map.of("architecture-style", "serverless"));
    return v;
  }

  // ---- plans built by hand ----

  /** A decision as the rules would draft it, with one reason. */
  static Decision decision(String topic, String choice) {
    return new Decision(topic, topic, "Which " + topic + "?", choice, Decision.Origin.RULES, topic + ".test",
        List.of("Reason for " + choice + ".", "Second reason."), List.of(), List.of(), List.of(), null, List.of());
  }

  /** A plan over {@code r} with the given choices and 2–6 pods per deployable. */
  static Plan plan(Requirements r, Map<String, String> choices) {
    List<Decision> decisions = choices.entrySet().stream().map(e -> decision(e.getKey(), e.getValue())).toList();
    boolean monolith = "modular-monolith".equals(choices.getOrDefault("architecture-style", "modular-monolith"));
    List<String> deployables = monolith ? List.of(r.project().name())
        : r.services().stream().map(Service::name).toList();
    Capacity capacity = new Capacity(List.of(), deployables.stream().map(n -> new ServiceSizing(n, 100, 2, 2, 6, 500,
        1024, 10, 60, List.of())).toList(), false, List.of());
    Blueprint blueprint = new Blueprint("standard", "test", List.of("architecture"), PlanFixtures.DEFAULTS, "built-in",
        List.of(), null, null);
    return new Plan(r, blueprint, decisions, capacity, null, List.of(), List.of(), List.of());
  }

  /**
   * Text full of what Mermaid and Markdown treat specially, services named {@code end} and
   * {@code note}, entities named {@code Class} and {@code One}, a column {@code pk}, a
   * many-to-many declared on both sides, a one-to-one, a self relation and a call cycle.
   */
  static Requirements hostile() {
    String nasty = "Say \"hi\" [x] {y} (z) #1; 100% <b>&amp; `code` |a|b| *em* _u_ ~s~ \\ -->> end\nsecond line";
    Entity clazz = new Entity("Class", nasty, IdType.UUID, true, true, List.of(
        field("pk", FieldType.UUID, true), field("label", FieldType.STRING, false),
        field("price", FieldType.DECIMAL, false)),
        List.of(new Relation("ones", "One", RelationKind.MANY_TO_MANY, false, nasty),
            new Relation("parent", "Class", RelationKind.MANY_TO_ONE, false, null),
            new Relation("partner", "One", RelationKind.ONE_TO_ONE, true, null)));
    Entity one = new Entity("One", null, IdType.LONG, false, false, List.of(field("to", FieldType.ENUM, false)),
        List.of(new Relation("classes", "Class", RelationKind.MANY_TO_MANY, false, null)));
    Entity endEntity = new Entity("End", null, IdType.UUID, true, false, List.of(
        field("classId", FieldType.UUID, false), field("body", FieldType.TEXT, false)), List.of());
    Service note = new Service("note", nasty, Language.JAVA, Api.REST, Exposure.PUBLIC, List.of("Class", "One"),
        List.of("NoteAdded"), List.of("EndReached"), List.of("end"),
        Map.of("Class", new Access(List.of(Security.ANONYMOUS, "end"), List.of("note-taker"))));
    Service end = new Service("end", null, Language.GO, Api.GRPC, Exposure.INTERNAL, List.of("End"),
        List.of("EndReached"), List.of("NoteAdded"), List.of("note"), Map.of());
    Service graph = new Service("graph-api", "Composes \"everything\"", Language.NODE, Api.GRAPHQL, Exposure.PUBLIC,
        List.of(), List.of(), List.of("NoteAdded", "Orphan"), List.of("note", "end"), Map.of());
    Event added = new Event("NoteAdded", nasty, List.of(field("noteId", FieldType.UUID, true)));
    Event reached = new Event("EndReached", null, List.of());
    Event orphan = new Event("Orphan", null, List.of());
    Project project = new Project("notes", "Acme \"Notes\" [beta] #1; <b>", nasty, "x", Cloud.AZURE,
        new Team(4, List.of(Language.JAVA)), new Budget(null));
    Scale scale = new Scale(1000, 100, 0.8, 10.0, 1.0, 200, 99.9, 1, List.of(), false);
    return new Requirements(1, project, scale, List.of(), new Security(Authentication.OIDC, List.of("end",
        "note-taker")), List.of(note, end, graph), List.of(clazz, one, endEntity), List.of(added, reached, orphan),
        Map.of(), Map.of(), Map.of(), "standard");
  }

  static Field field(String name, FieldType type, boolean unique) {
    return new Field(name, type, null, null, null, type == FieldType.DECIMAL ? 10 : null,
        type == FieldType.DECIMAL ? 2 : null, type == FieldType.ENUM ? List.of("a", "bcd") : List.of(), true, unique,
        false, null, null, null, null, false, false);
  }
}
