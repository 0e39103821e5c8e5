package dev.archforge.pipeline;

import dev.archforge.testing.FileTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of the pipeline on real files: determinism, quiet re-runs, the work log. */
class WorkspaceRunsTest {
  static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path tmp;

  static GenerateResult generate(Path input, Path out, Instant now) {
    return Pipeline.standard().generate(new GenerateRequest(input, out, Optional.empty(), List.of(), false, now));
  }

  /** Every file under {@code dir}: relative path → bytes as text. */
  static Map<String, FileTime> mtimes(Path dir) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        times.put(dir.relativize(f).toString(), Files.getLastModifiedTime(f));
      }
    }
    return times;
  }

  @Test
  void twoRunsGiveByteIdenticalTrees() throws IOException {
    for (String sample : List.of("ecommerce", "fintech-ledger", "saas-projects", "iot-telemetry", "minimal")) {
      Path input = Path.of("samples", sample + ".yaml");
      generate(input, tmp.resolve("a-" + sample), DATE);
      generate(input, tmp.resolve("b-" + sample), DATE);
      assertThat(FileTree.texts(tmp.resolve("a-" + sample))).as(sample).isEqualTo(FileTree.texts(tmp.resolve("b-" + sample)));
    }
  }

  @Test
  void anUnchangedReRunWritesNothing() throws IOException, InterruptedException {
    Path out = tmp.resolve("ws");
    generate(Path.of("samples/ecommerce.yaml"), out, DATE);
    Map<String, String> before = FileTree.texts(out);
    Map<String, FileTime> times = mtimes(out);
    Thread.sleep(20);

    GenerateResult again = generate(Path.of("samples/ecommerce.yaml"), out, DATE.plusSeconds(3600));

    assertThat(again.written()).isFalse();
    assertThat(again.changes().isNoOp()).isTrue();
    assertThat(FileTree.texts(out)).isEqualTo(before);
    assertThat(mtimes(out)).isEqualTo(times);
  }

  @Test
  void aChangedInputAppendsOneWorkLogEntryAndUpdatesOnlyWhatChanged() throws IOException {
    Path input = tmp.resolve("req.yaml");
    Files.copy(Path.of("samples/ecommerce.yaml"), input);
    Path out = tmp.resolve("ws");
    generate(input, out, DATE);
    Path orders = out.resolve("backend-architect/api/orders/openapi.yaml");
    FileTime ordersTime = Files.getLastModifiedTime(orders);

    Files.writeString(input, Files.readString(input).replace("Browse products and categories.", "Browse the catalogue."));
    GenerateResult second = generate(input, out, DATE.plusSeconds(86400));

    assertThat(second.written()).isTrue();
    assertThat(out.resolve("backend-architect/api/catalog/openapi.yaml")).content().contains("Browse the catalogue.");
    assertThat(Files.getLastModifiedTime(orders)).isEqualTo(ordersTime);
    String log = Files.readString(out.resolve("backend-architect/PROGRESS.md"));
    assertThat(log).contains("## 2026-01-01T00:00:00Z", "## 2026-01-02T00:00:00Z", "updated api/catalog/openapi.yaml");
    assertThat(log.indexOf("## 2026-01-01")).isLessThan(log.indexOf("## 2026-01-02"));
  }

  @Test
  void otherAgentsSectionsOfSharedProgressSurvive() throws IOException {
    Path out = tmp.resolve("ws");
    Files.createDirectories(out);
    String theirs = "# Shared progress\n\n## frontend-developer\n\nBuilt the cart page.\n";
    Files.writeString(out.resolve("SHARED_PROGRESS.md"), theirs);

    generate(Path.of("samples/minimal.yaml"), out, DATE);

    String shared = Files.readString(out.resolve("SHARED_PROGRESS.md"));
    assertThat(shared).startsWith(theirs).contains("backend-architect/api/notes/openapi.yaml");
  }
}
