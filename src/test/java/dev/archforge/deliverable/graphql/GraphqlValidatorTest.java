package dev.archforge.deliverable.graphql;

import dev.archforge.deliverable.grpc.GrpcDeliverable;
import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.graphql.ApiPlans;
import dev.archforge.deliverable.graphql.GraphqlDeliverable;
import dev.archforge.model.Artifact;
import dev.archforge.render.TemplateRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** graphql-java finds what is broken in a generated schema, at the line it is on. */
class GraphqlValidatorTest {
  private static final GraphqlValidator VALIDATOR = new GraphqlValidator();
  private static final String PATH = "api/catalog/schema.graphql";
  private static final String VALID = generated();

  private static String generated() {
    return new GraphqlDeliverable().contribute(Facts.of(ApiPlans.allServices("ecommerce", "graphql")),
        new TemplateRenderer(List.of())).stream().filter(a -> a.path().equals(PATH)).findFirst().orElseThrow()
        .content();
  }

  private static List<Finding> check(String sdl) {
    return VALIDATOR.validate(new Artifact(PATH, sdl, GraphqlDeliverable.KIND));
  }

  /** The 1-based line of the first line that equals {@code line} after {@code after}. */
  private static int lineOf(String sdl, String after, String line) {
    List<String> lines = sdl.lines().toList();
    int start = after == null ? 0 : lines.indexOf(after);
    for (int i = Math.max(start, 0); i < lines.size(); i++) {
      if (lines.get(i).equals(line)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line '" + line + "'");
  }

  private static String replaceAfter(String sdl, String after, String from, String to) {
    int at = sdl.indexOf(from, sdl.indexOf(after));
    return sdl.substring(0, at) + to + sdl.substring(at + from.length());
  }

  @Test
  void acceptsGraphqlArtifactsOnly() {
    assertThat(VALIDATOR.name()).isEqualTo("graphql");
    assertThat(VALIDATOR.accepts(new Artifact(PATH, VALID, GraphqlDeliverable.KIND))).isTrue();
    assertThat(VALIDATOR.accepts(new Artifact("api/x/x.proto", "", GrpcDeliverable.KIND))).isFalse();
    assertThat(VALIDATOR.accepts(new Artifact("api/x/openapi.yaml", "", OpenApiDeliverable.KIND))).isFalse();
  }

  @Test
  void aGeneratedSchemaHasNoFinding() {
    assertThat(check(VALID)).isEmpty();
  }

  @Test
  void aSyntaxErrorIsFoundAtItsLineAndColumn() {
    String broken = replaceAfter(VALID, "type Product ", "  sku: String!", "  sku String!");
    List<Finding> findings = check(broken);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(PATH);
      assertThat(f.line()).isEqualTo(lineOf(broken, "type Product @auth(roles: [\"anonymous\", \"customer\", "
          + "\"staff\"]) {", "  sku String!"));
      assertThat(f.message()).contains("Invalid syntax", "offending token 'String'", "(column 7)");
      assertThat(f.validator()).isEqualTo("graphql");
    });
  }

  @Test
  void anUnknownTypeIsFoundAtTheDefinitionThatUsesIt() {
    String broken = replaceAfter(VALID, "input ProductFilter {", "status: ProductStatus", "status: ProductState");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, null, "input ProductFilter {"));
      assertThat(f.message()).contains("ProductState", "is not present");
    });
  }

  @Test
  void anUndeclaredScalarIsFoundAtEachTypeThatUsesIt() {
    String broken = VALID.replace("scalar Decimal\n", "scalar Money\n");
    assertThat(check(broken)).extracting(Finding::line).containsExactlyInAnyOrder(
        lineOf(broken, null, "type Product @auth(roles: [\"anonymous\", \"customer\", \"staff\"]) {"),
        lineOf(broken, null, "input CreateProductInput {"), lineOf(broken, null, "input UpdateProductInput {"));
    assertThat(check(broken)).allSatisfy(f -> assertThat(f.message()).contains("'Decimal'", "is not present"));
  }

  @Test
  void aTypeThatBreaksItsInterfaceIsFoundAtItsLine() {
    String broken = replaceAfter(VALID, "type ValidationError implements UserError {",
        "  \"What went wrong, in a sentence for people.\"\n  message: String!\n", "");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, null, "type ValidationError implements UserError {"));
      assertThat(f.message()).contains("ValidationError", "message", "UserError");
    });
  }

  @Test
  void aWrongDirectiveArgumentIsFoundAtTheFieldThatUsesIt() {
    String broken = replaceAfter(VALID, "type Mutation {", "): CreateProductPayload! @auth(roles: [\"staff\", \"admin\"])",
        "): CreateProductPayload! @auth(roles: 7)");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, "type Mutation {", "  createProduct("));
      assertThat(f.message()).contains("auth", "roles");
    });
  }

  @Test
  void aTypeDefinedTwiceIsFoundAtTheFirstDefinitionAndNamesTheSecond() {
    String broken = VALID + "\nscalar Decimal\n";
    int last = (int) broken.lines().count();
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, null, "scalar Decimal"));
      assertThat(f.message()).contains("redefine", "'Decimal'", "@" + last + ":1");
    });
  }

  @Test
  void aLineInsideADescriptionMovesToTheDefinitionAfterIt() {
    List<String> lines = List.of("\"One line.\"", "type A {", "\"\"\"", "Two", "lines", "\"\"\"", "type B {",
        "\"\"\"Inline block\"\"\"", "type C {", "  x: Int");
    assertThat(GraphqlValidator.definitionLine(lines, 1)).isEqualTo(2);
    assertThat(GraphqlValidator.definitionLine(lines, 3)).isEqualTo(7);
    assertThat(GraphqlValidator.definitionLine(lines, 8)).isEqualTo(9);
    assertThat(GraphqlValidator.definitionLine(lines, 10)).isEqualTo(10);
  }
}
