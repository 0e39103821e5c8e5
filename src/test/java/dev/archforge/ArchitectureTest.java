package dev.archforge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows point down the stages, and deliverables stay apart: what two of them say comes from
 * {@code facts/}. Read from the compiled main classes.
 */
class ArchitectureTest {
  /**
   * Top to bottom: a package may use the ones below it, never one above. {@code apidiff} compares a
   * run's rendered contracts with the previous run's: a step only the pipeline takes, between render
   * and write, so it sits right under the pipeline (it reads model records and the shared kinds).
   * {@code review} sits beside the pipeline (see {@link #reviewSitsBesideThePipeline}).
   */
  private static final List<String> LAYERS = List.of("cli", "pipeline", "review", "apidiff", "write", "deliverable", "validate", "facts",
      "render", "decide", "load", "model", "condition");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.archforge");

  @Test
  void noStageUsesOneAboveIt() {
    for (int i = 1; i < LAYERS.size(); i++) {
      String[] above = LAYERS.subList(0, i).stream().map(l -> "dev.archforge." + l + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("dev.archforge." + LAYERS.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because(LAYERS.get(i) + " sits below " + Arrays.toString(above)).check(MAIN);
    }
  }

  /**
   * {@code archforge review} reads a repository and reports: it uses the validators (deliverables,
   * validate/) and load/, never the pipeline that generates nor write/, and the pipeline never uses it.
   */
  @Test
  void reviewSitsBesideThePipeline() {
    noClasses().that().resideInAPackage("dev.archforge.review..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.archforge.pipeline..", "dev.archforge.apidiff..", "dev.archforge.write..")
        .because("review writes nothing and generates nothing").check(MAIN);
    noClasses().that().resideInAPackage("dev.archforge.pipeline..").should().dependOnClassesThat()
        .resideInAPackage("dev.archforge.review..").because("review sits beside the pipeline").check(MAIN);
  }

  @Test
  void noDeliverableUsesASibling() {
    slices().matching("dev.archforge.deliverable.(*)..").should().notDependOnEachOther()
        .because("what two deliverables both say comes from one fact in dev.archforge.facts").check(MAIN);
  }

  @Test
  void thePipelineImportsAtMostFifteenProjectClasses() throws IOException {
    List<String> imports = Files.readAllLines(Path.of("src/main/java/dev/archforge/pipeline/Pipeline.java")).stream()
        .filter(l -> l.startsWith("import dev.archforge.")).toList();
    assertThat(imports).as("Pipeline's imports of project classes").hasSizeLessThanOrEqualTo(15);
    assertThat(MAIN.get("dev.archforge.pipeline.Pipeline").getDirectDependenciesFromSelf())
        .as("Pipeline names no deliverable").noneMatch(d -> d.getTargetClass().getPackageName()
            .startsWith("dev.archforge.deliverable."));
  }

  @Test
  void theValidationKernelStaysSmall() throws IOException {
    long lines = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/archforge/validate"))) {
      for (Path file : files.toList()) {
        lines += Files.readAllLines(file).size();
      }
    }
    assertThat(lines).as("lines in validate/ (the kernel and the checks across files; a deliverable's "
        + "validators live in its package)").isLessThanOrEqualTo(1200);
  }
}
