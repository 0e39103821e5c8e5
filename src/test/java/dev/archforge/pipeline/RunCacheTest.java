package dev.archforge.pipeline;

import dev.archforge.testing.FileTree;
import dev.archforge.testing.NamedPipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.write.FileChange;
import dev.archforge.write.RunCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run cache on real runs: an unchanged run is confirmed with exactly the outcome a full run
 * reports, and any change to an input or to the workspace sends the run down the full path.
 */
class RunCacheTest {
  static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path tmp;

  private RunCache cache() {
    return new RunCache(tmp.resolve("cache"));
  }

  private static GenerateRequest request(Path input, Path out, Optional<String> blueprint, List<Path> templates) {
    return new GenerateRequest(input, out, blueprint, templates, false, DATE);
  }

  private static GenerateRequest request(Path input, Path out) {
    return request(input, out, Optional.empty(), List.of());
  }

  private GenerateResult full(GenerateRequest request, boolean remember) {
    return Pipeline.standard().generate(request, remember ? Optional.of(cache()) : Optional.empty());
  }

  /** {@code generate <(...)}: the requirements come through a pipe, which can be read once, by the loader. */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a second read of the pipe would block
  void aPipeAsInputIsReadOnceAndNotCached() throws Exception {
    Path pipe = NamedPipe.make(tmp.resolve("in.yaml"));
    Thread feed = new Thread(() -> {
      try {
        Files.write(pipe, Files.readAllBytes(Path.of("samples/minimal.yaml")));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    feed.start();
    GenerateRequest request = request(pipe, tmp.resolve("out"));
    assertThat(Pipeline.unchanged(request, cache())).isEmpty();
    assertThat(full(request, true).written()).isTrue();
    feed.join();
    assertThat(cache().read(tmp.resolve("out"))).as("nothing to compare a later run with").isEmpty();
  }

  @Test
  void anUnchangedRunIsConfirmedWithTheOutcomeOfAFullRun() throws IOException {
    for (String sample : List.of("ecommerce", "fintech-ledger", "saas-projects", "iot-telemetry", "minimal")) {
      Path out = tmp.resolve(sample);
      GenerateRequest request = request(Path.of("samples", sample + ".yaml"), out);
      assertThat(Pipeline.unchanged(request, cache())).as(sample + ": nothing cached yet").isEmpty();
      assertThat(full(request, true).written()).isTrue();
      var before = FileTree.texts(out);
      var times = WorkspaceRunsTest.mtimes(out);

      GenerateResult fast = Pipeline.unchanged(request, cache()).orElseThrow();
      GenerateResult slow = full(request, false);

      assertThat(slow.changes().isNoOp()).isTrue();
      assertThat(fast.changes().files()).as(sample).isEqualTo(slow.changes().files());
      assertThat(fast.changes().run()).isEqualTo(slow.changes().run());
      assertThat(fast.warnings()).as(sample).isEqualTo(slow.warnings());
      assertThat(fast.workspace()).isEqualTo(slow.workspace());
      assertThat(fast.written()).isFalse();
      assertThat(fast.changes().isNoOp()).isTrue();
      assertThat(FileTree.texts(out)).isEqualTo(before);
      assertThat(WorkspaceRunsTest.mtimes(out)).isEqualTo(times);
    }
  }

  /**
   * A batch names each workspace after its project ({@code -o DIR} gives {@code DIR/<project>}); the
   * other agents the run reads, and the cache records, are those beside that workspace, not the other
   * projects in {@code DIR}. So a later single run into the project's root is confirmed, and the
   * projects written before do not enter the record.
   */
  @Test
  void aBatchRunIsRecordedForItsProjectsRootAlone() throws IOException {
    Path dir = tmp.resolve("batch");
    Path minimal = Path.of("samples/minimal.yaml");
    GenerateRequest other = new GenerateRequest(Path.of("samples/saas-projects.yaml"), dir, Optional.empty(),
        List.of(), false, DATE, true);
    GenerateRequest batched = new GenerateRequest(minimal, dir, Optional.empty(), List.of(), false, DATE, true);
    full(other, true);
    GenerateResult result = full(batched, true);
    Path root = result.workspace().getParent();
    assertThat(root.getParent()).isEqualTo(dir);

    assertThat(Pipeline.unchanged(request(minimal, root), cache())).isPresent();
    write(dir.resolve("taskhub/backend-architect/notes.md"));
    assertThat(Pipeline.unchanged(request(minimal, root), cache())).as("another project is not an agent beside it")
        .isPresent();
    mkdir(root.resolve("frontend"));
    write(root.resolve("frontend/PROGRESS.md"));
    assertThat(Pipeline.unchanged(request(minimal, root), cache())).as("an agent beside it is").isEmpty();
  }

  @Test
  void theCacheLivesOutsideTheWorkspaceAndChangesNoByteOfIt() throws IOException {
    full(request(Path.of("samples/ecommerce.yaml"), tmp.resolve("with")), true);
    full(request(Path.of("samples/ecommerce.yaml"), tmp.resolve("without")), false);
    assertThat(FileTree.texts(tmp.resolve("with"))).isEqualTo(FileTree.texts(tmp.resolve("without")));
    try (var entries = Files.list(tmp.resolve("cache"))) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).singleElement().asString().endsWith(".run");
    }
  }

  @Test
  void aPersonsEditIsReportedAsKeptJustAsTheFullRunDoes() throws IOException {
    Path out = tmp.resolve("ws");
    GenerateRequest request = request(Path.of("samples/ecommerce.yaml"), out);
    full(request, true);
    Files.writeString(out.resolve("backend-architect/README.md"), "\nmy notes\n", StandardOpenOption.APPEND);

    GenerateResult fast = Pipeline.unchanged(request, cache()).orElseThrow();
    GenerateResult slow = full(request, false);

    assertThat(fast.changes().files()).isEqualTo(slow.changes().files());
    assertThat(fast.changes().withStatus(FileChange.Status.KEPT)).extracting(FileChange::path).containsExactly("README.md");
  }

  @Test
  void anyChangeToTheWorkspaceIsNotConfirmed() throws IOException {
    List<Consumer<Path>> changes = List.of(
        agent -> delete(agent.resolve("README.md")),
        agent -> append(agent.resolve(".archforge/pristine/README.md")),
        agent -> write(agent.resolve(".archforge/pristine/extra.md")),
        agent -> delete(agent.resolve(".archforge/pristine/README.md")),
        agent -> append(agent.resolve(".archforge/manifest.json")),
        agent -> append(agent.resolve(".archforge/requirements.normalized.yaml")),
        agent -> mkdir(agent.resolveSibling(".archforge-staging-1234")),
        agent -> append(agent.resolve("decisions/0005-caching.md")), // the next run reads a record's status
        agent -> write(agent.resolve(".archforge/ownership.yaml")),
        agent -> write(agent.resolve(".archforgeignore")),
        agent -> {
          delete(agent.resolve("README.md"));
          mkdir(agent.resolve("README.md"));
        });
    for (int i = 0; i < changes.size(); i++) {
      Path out = tmp.resolve("ws-" + i);
      GenerateRequest request = request(Path.of("samples/minimal.yaml"), out);
      full(request, true);
      assertThat(Pipeline.unchanged(request, cache())).isPresent();
      changes.get(i).accept(out.resolve("backend-architect"));
      assertThat(Pipeline.unchanged(request, cache())).as("change " + i).isEmpty();
    }
  }

  @Test
  void anyChangeToAnInputIsNotConfirmed() throws IOException {
    Path input = tmp.resolve("req.yaml");
    Files.copy(Path.of("samples/minimal.yaml"), input);
    Path templates = Files.createDirectories(tmp.resolve("templates"));
    Path blueprint = Files.createDirectories(tmp.resolve("org"));
    Files.writeString(blueprint.resolve("blueprint.yaml"), "name: org\nextends: standard\n");
    Path out = tmp.resolve("ws");
    GenerateRequest request = request(input, out, Optional.of(blueprint.toString()), List.of(templates));
    full(request, true);
    assertThat(Pipeline.unchanged(request, cache())).isPresent();

    append(input); // a comment: the same requirements, other bytes
    assertThat(Pipeline.unchanged(request, cache())).isEmpty();
    full(request, true);
    assertThat(Pipeline.unchanged(request, cache())).isPresent();

    write(templates.resolve("unused.ftl"));
    assertThat(Pipeline.unchanged(request, cache())).isEmpty();
    full(request, true);
    assertThat(Pipeline.unchanged(request, cache())).isPresent();

    append(blueprint.resolve("blueprint.yaml"));
    assertThat(Pipeline.unchanged(request, cache())).isEmpty();
    full(request, true);
    assertThat(Pipeline.unchanged(request, cache())).isPresent();

    write(Files.createDirectories(blueprint.resolve("rules")).resolve("README.md"));
    assertThat(Pipeline.unchanged(request, cache())).isEmpty();

    assertThat(Pipeline.unchanged(request(input, out, Optional.of(blueprint.toString()), List.of()), cache()))
        .as("without the --templates folder").isEmpty();
  }

  @Test
  void aFailedRunRecordsNothingAndAnUnreadableEntryIsIgnored() throws IOException {
    Path input = tmp.resolve("bad.yaml");
    Files.writeString(input, "format: 1\nproject: {}\n");
    Path out = tmp.resolve("ws");
    assertThatThrownBy(() -> full(request(input, out), true)).isInstanceOf(ArchforgeException.class);
    assertThat(tmp.resolve("cache")).doesNotExist();

    GenerateRequest good = request(Path.of("samples/minimal.yaml"), out);
    full(good, true);
    try (var entries = Files.list(tmp.resolve("cache"))) {
      for (Path entry : entries.toList()) {
        Files.write(entry, new byte[] {1, 2, 3});
      }
    }
    assertThat(Pipeline.unchanged(good, cache())).isEmpty();
  }

  private static void append(Path file) {
    try {
      Files.writeString(file, "\n# changed\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(Path file) {
    try {
      Files.writeString(file, "new\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void mkdir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
