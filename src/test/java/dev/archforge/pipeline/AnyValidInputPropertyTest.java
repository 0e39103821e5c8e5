package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.DecisionException;
import dev.archforge.decide.RuleDecider;
import dev.archforge.facts.Facts;
import dev.archforge.facts.NameRegistry;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any valid requirements file yields artifacts that every validator and the checks across files
 * accept: random services (each API kind and language, calls, events published and consumed),
 * entities with every field type and relations, and a choice of any option of any decision topic
 * (a combination the blueprint's checks refuse is not a valid system and is discarded). 200 cases
 * in the suite ({@code jqwik.tries.default} in junit-platform.properties); the bench runs 2,000.
 */
class AnyValidInputPropertyTest {
  private static final List<String> TYPES = List.of("string", "text", "integer", "long", "decimal", "boolean", "date",
      "datetime", "uuid", "email", "url", "json", "bytes");
  private static final Blueprint STANDARD =
      new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();
  /** Every option of every topic but authentication, which security.authentication states. */
  private static final List<String> CHOICES = STANDARD.rules().stream()
      .filter(t -> !t.topic().equals("authentication"))
      .flatMap(t -> t.optionNames().stream().map(o -> t.topic() + ": " + o)).toList();
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  @Property
  void everyValidInputRendersValidArtifacts(@ForAll("requirements") String yaml) {
    LoadResult loaded = new RequirementsLoader().load("generated.yaml", yaml);
    assertThat(loaded.errors()).as(yaml).isEmpty();
    Plan plan;
    try {
      plan = new RuleDecider().decide(loaded.requirements().orElseThrow(), STANDARD);
    } catch (DecisionException refused) {
      Assume.that(false);
      return;
    }
    Facts facts = Facts.of(plan);
    assertThat(NameRegistry.clashes(plan, facts.access())).as(yaml).isEmpty();
    List<Artifact> artifacts = PIPELINE.render(facts, RENDERER);
    assertThat(PIPELINE.validate(artifacts)).as(yaml).isEmpty();
  }

  @Provide
  Arbitrary<String> requirements() {
    Arbitrary<String> auth = Arbitraries.of("oidc", "jwt", "api-key", "mtls", "none");
    Arbitrary<List<String>> choices = Arbitraries.of(CHOICES).list().ofMaxSize(2)
        .filter(l -> l.stream().map(c -> c.substring(0, c.indexOf(':'))).distinct().count() == l.size());
    Arbitrary<String> service = Combinators.combine(Arbitraries.of("rest", "graphql", "grpc"),
        Arbitraries.of("java", "kotlin", "go", "node", "python"), Arbitraries.of(true, false))
        .as((api, language, events) -> "api: " + api + ", language: " + language + (events ? "|events" : ""));
    Arbitrary<List<String>> services = Combinators.combine(service, entitySet()).as((kind, entities) -> kind + "\n"
        + entities).list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(auth, choices, services).as(AnyValidInputPropertyTest::document);
  }

  /** One service's entities as YAML text under 'entities:' (names made unique by the caller). */
  private Arbitrary<String> entitySet() {
    Arbitrary<String> field = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(12),
        Arbitraries.of(true, false)).as((type, required, flag, description, enumType) -> {
          String t = enumType && type.equals("string") ? "enum" : type;
          StringBuilder sb = new StringBuilder("{ type: " + t);
          if (t.equals("enum")) {
            sb.append(", values: [a1, b-2, c_3]");
          }
          if (t.equals("string") && flag) {
            sb.append(", maxLength: 40, minLength: 2");
          }
          if (t.equals("decimal")) {
            sb.append(flag ? ", precision: 12, scale: 4, min: 0" : ", precision: 5, scale: 0");
          }
          if (t.equals("integer") && flag) {
            sb.append(", min: -5, max: 5000");
          }
          if (required) {
            sb.append(", required: true");
          }
          if (flag && !t.equals("json") && !t.equals("bytes")) {
            sb.append(", indexed: true");
          }
          if (!flag && (t.equals("string") || t.equals("email"))) {
            sb.append(", pii: true, secret: ").append(description.length() % 2 == 0);
          }
          sb.append(", description: \"").append(description).append(" \\\"quoted\\\" #: {x}\" }");
          return sb.toString();
        });
    return Combinators.combine(field.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of("uuid", "long"),
        Arbitraries.of(true, false), Arbitraries.integers().between(1, 3))
        .as((fields, id, softDelete, count) -> {
          StringBuilder sb = new StringBuilder();
          for (int e = 0; e < count; e++) {
            sb.append("  E@").append(e).append(":\n    id: ").append(id).append("\n    softDelete: ").append(softDelete)
                .append("\n    fields:\n");
            for (int f = 0; f < fields.size(); f++) {
              sb.append("      f").append(f).append(": ").append(fields.get(f)).append('\n');
            }
            if (e > 0) {
              sb.append("    relations:\n      parent: { to: E@").append(e - 1).append(", kind: many-to-one, required: true }\n")
                  .append("      peers: { to: E@").append(e - 1).append(", kind: many-to-many }\n");
            }
          }
          return sb.toString();
        });
  }

  private static String document(String auth, List<String> choices, List<String> services) {
    StringBuilder yaml = new StringBuilder("archforge: 1\nproject:\n  name: prop-test\n")
        .append("  team: { size: 6, languages: [java, kotlin, go, node, python] }\nsecurity: { authentication: ")
        .append(auth).append(", roles: [reader, writer] }\ndecisions: { ").append(String.join(", ", choices))
        .append(" }\nservices:\n");
    StringBuilder entities = new StringBuilder("entities:\n");
    StringBuilder events = new StringBuilder("events:\n");
    for (int s = 0; s < services.size(); s++) {
      String kind = services.get(s).lines().findFirst().orElseThrow();
      String block = services.get(s).substring(kind.length() + 1).replace("E@", "S" + s + "E");
      long count = block.lines().filter(l -> l.matches("  S\\d+E\\d+:")).count();
      yaml.append("  svc-").append(s).append(":\n    exposure: ").append(s == 0 ? "public" : "internal")
          .append("\n    ").append(kind.replace("|events", "").replace(", ", "\n    "));
      if (kind.endsWith("|events")) {
        yaml.append("\n    publishes: [Happened").append(s).append(']');
        events.append("  Happened").append(s).append(":\n    fields: { s").append(s)
            .append("e0Id: { type: uuid, required: true }, note: { type: string, maxLength: 80 } }\n");
      }
      if (s > 0 && services.get(s - 1).lines().findFirst().orElseThrow().endsWith("|events")) {
        yaml.append("\n    consumes: [Happened").append(s - 1).append(']');
      }
      if (s + 1 < services.size() && s == 0) {
        yaml.append("\n    calls: [svc-1]");
      }
      yaml.append("\n    entities: [");
      for (int e = 0; e < count; e++) {
        yaml.append(e == 0 ? "" : ", ").append("S").append(s).append("E").append(e);
      }
      yaml.append("]\n    access:\n      S").append(s).append("E0: { read: [anonymous, reader], write: [writer] }\n");
      entities.append(block);
    }
    return yaml.append(entities).append(events.length() > "events:\n".length() ? events : "").toString();
  }
}
