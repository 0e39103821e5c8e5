package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.archforge.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run told to stop (the daemon's client was interrupted) stops at its next check and writes nothing. */
class CancellationTest {
  @TempDir
  Path tmp;

  private static GenerateRequest request(String sample, Path out) {
    return new GenerateRequest(Path.of("samples", sample), out, Optional.empty(), List.of(), false,
        WorkspaceRunsTest.DATE);
  }

  /** Says "stop" from its {@code n}th question on, counting the questions. */
  private static BooleanSupplier stopFrom(int n, AtomicInteger asked) {
    return () -> asked.incrementAndGet() >= n;
  }

  @Test
  void aRunToldToStopOnceItIsPlannedRendersNothing() {
    AtomicInteger asked = new AtomicInteger();
    ArchforgeException stopped = catchThrowableOfType(ArchforgeException.class,
        () -> Pipeline.standard().generate(request("minimal.yaml", tmp.resolve("out")), Optional.empty(),
            stopFrom(1, asked)));
    assertThat(stopped.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(stopped.exitCode().code()).isEqualTo(130);
    assertThat(stopped.messages()).containsExactly("interrupted; nothing was written");
    assertThat(asked).as("stopped at the first check").hasValue(1);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aRunToldToStopAtItsLastCheckBeforeTheCommitLeavesTheWorkspaceAsItWas() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    Pipeline.standard().generate(request("ecommerce.yaml", tmp.resolve("counted")), Optional.empty(),
        stopFrom(Integer.MAX_VALUE, checks));
    assertThat(checks.get()).as("once planned, after each deliverable, before the commit").isGreaterThan(10);
    Path out = tmp.resolve("out");
    Pipeline.standard().generate(request("minimal.yaml", out));
    var before = FileTree.texts(out);
    AtomicInteger asked = new AtomicInteger();
    ArchforgeException stopped = catchThrowableOfType(ArchforgeException.class,
        () -> Pipeline.standard().generate(request("ecommerce.yaml", out), Optional.empty(),
            stopFrom(checks.get(), asked)));
    assertThat(stopped.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(asked).as("rendered and validated, stopped just before the commit").hasValue(checks.get());
    assertThat(FileTree.texts(out)).isEqualTo(before);
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left behind")
          .containsExactlyInAnyOrder("backend-architect", "SHARED_PROGRESS.md");
    }
    assertThat(FileTree.texts(tmp.resolve("counted"))).as("the same run, not stopped, writes").isNotEmpty();
  }
}
