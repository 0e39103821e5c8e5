package dev.archforge.pipeline;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid requirements file yields artifacts that every validator accepts. */
class AnyValidInputPropertyTest {
  private static final List<String> TYPES = List.of("string", "text", "integer", "long", "decimal", "boolean", "date",
      "datetime", "uuid", "email", "url", "json", "bytes");

  @Property(tries = 60)
  void everyValidInputRendersValidArtifacts(@ForAll("requirements") String yaml) {
    LoadResult loaded = new RequirementsLoader().load("generated.yaml", yaml);
    assertThat(loaded.errors()).as(yaml).isEmpty();
    var blueprint = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();
    Plan plan = new RuleDecider().decide(loaded.requirements().orElseThrow(), blueprint);
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> artifacts = pipeline.render(Facts.of(plan), new TemplateRenderer(List.of()));
    assertThat(pipeline.validate(artifacts)).as(yaml).isEmpty();
  }

  @Provide
  Arbitrary<String> requirements() {
    Arbitrary<String> auth = Arbitraries.of("oidc", "jwt", "api-key", "none");
    Arbitrary<String> versioning = Arbitraries.of("url", "header");
    Arbitrary<List<String>> services = entitySet().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(auth, versioning, services).as(AnyValidInputPropertyTest::document);
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

  private static String document(String auth, String versioning, List<String> services) {
    StringBuilder yaml = new StringBuilder("archforge: 1\nproject: { name: prop-test }\nsecurity: { authentication: ")
        .append(auth).append(", roles: [reader, writer] }\ndecisions: { api-versioning: ").append(versioning)
        .append(" }\nservices:\n");
    StringBuilder entities = new StringBuilder("entities:\n");
    for (int s = 0; s < services.size(); s++) {
      String block = services.get(s).replace("E@", "S" + s + "E");
      long count = block.lines().filter(l -> l.matches("  S\\d+E\\d+:")).count();
      yaml.append("  svc-").append(s).append(":\n    exposure: ").append(s == 0 ? "public" : "internal")
          .append("\n    entities: [");
      for (int e = 0; e < count; e++) {
        yaml.append(e == 0 ? "" : ", ").append("S").append(s).append("E").append(e);
      }
      yaml.append("]\n    access:\n      S").append(s).append("E0: { read: [anonymous, reader], write: [writer] }\n");
      entities.append(block);
    }
    return yaml.append(entities).toString();
  }
}
