package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.Registry;
import dev.archforge.load.WorkspaceReader;
import dev.archforge.write.Drift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs with different inputs into one workspace at once: the lock lets one write after the
 * other, and the workspace ends as one of the two generations, complete and valid.
 */
class ConcurrentRunsTest {
  private static final int TRIALS = 50;
  private static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path tmp;

  @Test
  void twoRunsIntoOneWorkspaceLeaveOneWholeGeneration() throws Exception {
    Path a = Path.of("samples/minimal.yaml");
    Path b = Files.writeString(tmp.resolve("b.yaml"), Files.readString(a).replace("name: notes",
        "name: notes\n  title: Notes, the other input"));
    Pipeline pipeline = Pipeline.standard();
    String manifestA = manifest(pipeline, a, tmp.resolve("ref-a"));
    String manifestB = manifest(pipeline, b, tmp.resolve("ref-b"));
    assertThat(manifestA).isNotEqualTo(manifestB);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int trial = 0; trial < TRIALS; trial++) {
        Path out = tmp.resolve("trial-" + trial);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<GenerateResult>> runs = new ArrayList<>();
        for (Path input : List.of(a, b)) {
          runs.add(two.submit(() -> {
            start.await();
            return pipeline.generate(new GenerateRequest(input, out, Optional.empty(), List.of(), false, DATE));
          }));
        }
        start.countDown();
        for (Future<GenerateResult> run : runs) {
          assertThat(run.get().written()).isTrue();
        }
        Path agent = out.resolve("backend-architect");
        assertThat(Drift.of(agent).missing()).as("trial " + trial).isEmpty();
        assertThat(Drift.of(agent).edited()).as("trial " + trial).isEmpty();
        assertThat(pipeline.validate(new WorkspaceReader(Registry.installed()::kindOf).read(agent))).isEmpty();
        assertThat(Files.readString(agent.resolve(".archforge/manifest.json"))).as("trial " + trial)
            .isIn(manifestA, manifestB);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList()).as("no leftovers")
            .containsExactly(".archforge.lock", "SHARED_PROGRESS.md", "backend-architect");
      }
    } finally {
      two.shutdownNow();
    }
  }

  private static String manifest(Pipeline pipeline, Path input, Path out) throws IOException {
    pipeline.generate(new GenerateRequest(input, out, Optional.empty(), List.of(), false, DATE));
    return Files.readString(out.resolve("backend-architect/.archforge/manifest.json"));
  }
}
