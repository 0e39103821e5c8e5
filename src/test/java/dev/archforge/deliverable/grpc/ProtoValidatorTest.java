package dev.archforge.deliverable.grpc;

import dev.archforge.deliverable.graphql.GraphqlDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.graphql.ApiPlans;
import dev.archforge.deliverable.grpc.GrpcDeliverable;
import dev.archforge.model.Artifact;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Buf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire finds what is broken in a generated proto file, at the line it is on; and buf, run on the
 * same broken file, agrees about the line.
 */
class ProtoValidatorTest {
  private static final ProtoValidator VALIDATOR = new ProtoValidator();
  private static final String PATH = "api/catalog/catalog.proto";
  private static final List<Artifact> ARTIFACTS = new GrpcDeliverable().contribute(
      Facts.of(ApiPlans.allServices("ecommerce", "grpc")), new TemplateRenderer(List.of()));
  private static final String VALID = ARTIFACTS.stream().filter(a -> a.path().equals(PATH)).findFirst()
      .orElseThrow().content();
  private static final String BUF_YAML = ARTIFACTS.stream().filter(a -> a.path().equals("api/catalog/buf.yaml"))
      .findFirst().orElseThrow().content();

  @TempDir
  Path dir;

  private static List<Finding> check(String proto) {
    return VALIDATOR.validate(new Artifact(PATH, proto, GrpcDeliverable.KIND));
  }

  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    int i = lines.indexOf(line);
    if (i < 0) {
      throw new AssertionError("no line '" + line + "'");
    }
    return i + 1;
  }

  /** The lines buf build reports for the file. */
  private List<Integer> bufLines(String proto) throws IOException {
    Files.writeString(dir.resolve("buf.yaml"), BUF_YAML);
    Files.writeString(dir.resolve("catalog.proto"), proto);
    Buf.Report report = Buf.check(dir);
    assertThat(report.buildExit()).as(report.toString()).isNotZero();
    return report.build().lines().filter(l -> l.startsWith("catalog.proto:"))
        .map(l -> Integer.parseInt(l.split(":")[1])).toList();
  }

  @Test
  void acceptsProtoArtifactsOnly() {
    assertThat(VALIDATOR.name()).isEqualTo("proto");
    assertThat(VALIDATOR.accepts(new Artifact(PATH, VALID, GrpcDeliverable.KIND))).isTrue();
    assertThat(VALIDATOR.accepts(new Artifact("api/catalog/buf.yaml", BUF_YAML, Artifact.Kind.YAML))).isFalse();
    assertThat(VALIDATOR.accepts(new Artifact("api/x/schema.graphql", "", GraphqlDeliverable.KIND))).isFalse();
  }

  @Test
  void aGeneratedFileHasNoFinding() {
    assertThat(check(VALID)).isEmpty();
  }

  @Test
  void aSyntaxErrorIsFoundAtItsLineAndColumn() throws IOException {
    String broken = VALID.replace("  string sku = 4;", "  string sku = ;");
    int line = lineOf(broken, "  string sku = ;");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(PATH);
      assertThat(f.line()).isEqualTo(line);
      assertThat(f.message()).startsWith("syntax error: ").contains("(column ");
      assertThat(f.validator()).isEqualTo("proto");
    });
    assertThat(bufLines(broken)).contains(line);
  }

  @Test
  void anUnknownTypeIsFoundAtTheFieldThatUsesIt() throws IOException {
    String broken = VALID.replaceFirst("  google.protobuf.Timestamp created_at = 2;",
        "  google.protobuf.Timestmp created_at = 2;");
    int line = lineOf(broken, "  google.protobuf.Timestmp created_at = 2;");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(line);
      assertThat(f.message()).contains("unable to resolve google.protobuf.Timestmp", "for field created_at");
    });
    assertThat(bufLines(broken)).contains(line);
  }

  @Test
  void aFieldNumberUsedTwiceIsFoundAtTheFirstField() throws IOException {
    String broken = VALID.replace("  string name = 5;", "  string name = 4;");
    int line = lineOf(broken, "  string sku = 4;");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(line);
      assertThat(f.message()).contains("multiple fields share tag 4", "sku", "name");
    });
    assertThat(bufLines(broken)).isNotEmpty();
  }

  @Test
  void anEnumWithoutZeroFirstIsFound() {
    String broken = VALID.replace("    STATUS_UNSPECIFIED = 0;", "    STATUS_UNSPECIFIED = 9;");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, "  enum Status {"));
      assertThat(f.message()).contains("missing a zero value");
    });
  }

  @Test
  void anImportOfAnotherFileIsFoundAtTheImport() {
    String broken = VALID.replace("import \"google/protobuf/field_mask.proto\";",
        "import \"acme/money.proto\";\nimport \"google/protobuf/field_mask.proto\";");
    assertThat(check(broken)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(lineOf(broken, "import \"acme/money.proto\";"));
      assertThat(f.message()).contains("acme/money.proto");
    });
  }
}
