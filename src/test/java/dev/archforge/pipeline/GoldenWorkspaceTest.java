package dev.archforge.pipeline;

import dev.archforge.deliverable.Registry;
import dev.archforge.testing.FileTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.WorkspaceReader;
import dev.archforge.testing.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample's workspace equals its golden tree under src/test/resources/golden/. To accept a
 * change on purpose: {@code mvn -q test -Dtest=GoldenWorkspaceTest -Darchforge.approve=true}, then
 * review the diff. The golden trees are themselves re-validated, so no unchecked output is kept.
 */
class GoldenWorkspaceTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"ecommerce", "minimal", "saas-projects", "fintech-ledger", "iot-telemetry", "library",
      "ride-hailing", "clinic-residency"})
  void sampleMatchesItsGoldenWorkspace(String sample) throws IOException {
    Path out = tmp.resolve(sample);
    WorkspaceRunsTest.generate(Path.of("samples", sample + ".yaml"), out, WorkspaceRunsTest.DATE);
    Path golden = GOLDEN.resolve(sample);
    if (Boolean.getBoolean("archforge.approve")) {
      approve(out, golden);
    }
    Map<String, String> actual = FileTree.texts(out);
    assertThat(actual).as("golden workspace of " + sample + " (approve with -Darchforge.approve=true)")
        .isEqualTo(FileTree.texts(golden));
    assertThat(Pipeline.standard().validate(new WorkspaceReader(Registry.installed()::kindOf).read(golden.resolve("backend-architect")))).isEmpty();
    List<Path> markdown;
    try (Stream<Path> files = Files.walk(golden.resolve("backend-architect"))) {
      markdown = files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains(".archforge")).sorted()
          .toList();
    }
    NodeTools.MermaidReport diagrams = NodeTools.mermaid(markdown);
    assertThat(diagrams.blocks()).as("mermaid diagrams in " + sample).isPositive();
    assertThat(diagrams.errors()).as("mermaid errors in " + sample).isEmpty();
  }

  private static void approve(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }
}
