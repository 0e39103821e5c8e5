package dev.archforge.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each generated YAML file is parsed once, and every validator and check across files reads that one
 * tree: none of them may change it, for the others read it after (or beside) them.
 */
class GeneratedYamlTest {
  @ParameterizedTest
  @CsvSource({"library, aws", "ecommerce, gcp", "ecommerce, azure"})
  void everyCheckReadsTheOneTreeAndLeavesItAsParsed(String sample, String cloud) {
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> all = pipeline.render(Facts.of(SamplePlans.deployedOn(Path.of("samples/" + sample + ".yaml"), cloud,
        "managed-containers")), new TemplateRenderer(List.of()));
    Map<Artifact, JsonNode> before = new LinkedHashMap<>();
    for (Artifact a : all) {
      if (a.path().matches(".*\\.ya?ml") && GeneratedYaml.parse(a).node() != null) {
        before.put(a, GeneratedYaml.parse(a).node().deepCopy());
      }
    }
    assertThat(before).isNotEmpty().anySatisfy((a, tree) -> assertThat(a.path()).endsWith("asyncapi.yaml"))
        .anySatisfy((a, tree) -> assertThat(a.path()).startsWith(".github/workflows/"));

    assertThat(pipeline.validate(all)).isEmpty();

    before.forEach((a, tree) -> {
      assertThat(GeneratedYaml.parse(a)).as("parsed once: %s", a.path()).isSameAs(GeneratedYaml.parse(a));
      assertThat(GeneratedYaml.parse(a).node()).as("unchanged after validation: %s", a.path()).isEqualTo(tree);
    });
  }

  /**
   * An OpenAPI document, the largest file, is read by its validator alone: its tree is not kept with
   * the artifact, where it would hold memory until the run ends (a batch keeps every input's
   * artifacts); a file several checks read (the AsyncAPI document, a workflow) is.
   */
  @org.junit.jupiter.api.Test
  void onlyTreesThatSeveralChecksReadAreKept() {
    Pipeline pipeline = Pipeline.standard();
    List<Artifact> all = pipeline.render(Facts.of(SamplePlans.deployedOn(Path.of("samples/ecommerce.yaml"), "aws",
        "kubernetes")), new TemplateRenderer(List.of()));
    assertThat(pipeline.validate(all)).isEmpty();
    Map<String, Boolean> kept = new LinkedHashMap<>();
    all.forEach(a -> kept.put(a.path(), a.derived().get(GeneratedYaml.Tree.class, () -> null) != null));
    assertThat(kept).hasEntrySatisfying(".github/workflows/deploy.yaml", k -> assertThat(k).isTrue())
        .allSatisfy((path, k) -> assertThat(path.endsWith("openapi.yaml") && k).as(path).isFalse())
        .anySatisfy((path, k) -> assertThat(path).endsWith("openapi.yaml"))
        .anySatisfy((path, k) -> assertThat(path.endsWith("asyncapi.yaml") && k).isTrue());
  }
}
