package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.testing.NamedPipe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that never end ({@code <(yes x)}, {@code /dev/zero}) or are too large: read up to the
 * limit whatever their kind, then refused as bad input (exit 2) with nothing written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EndlessInputCliTest {
  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("workspaces");
  }

  @Test
  void aPipeThatNeverEndsIsReadUpToTheLimitAndRefused() throws Exception {
    Path pipe = NamedPipe.make(tmp.resolve("in.yaml"));
    Thread feed = new Thread(() -> {
      byte[] line = "x: yes\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
      try (OutputStream o = Files.newOutputStream(pipe)) {
        while (true) {
          o.write(line);
        }
      } catch (IOException closedByTheReader) {
        // the reader stopped: what this test waits for
      }
    });
    feed.start();

    CliRunner.Run run = CliRunner.run("generate", pipe.toString(), "-o", out().toString());

    feed.join(30_000);
    assertThat(feed.isAlive()).as("the reader closed the pipe").isFalse();
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(pipe + ":1:1: the input goes on past 8 MiB (a pipe or device that never ends?);"
        + " reading stopped there; a requirements file is a few hundred kilobytes at most" + System.lineSeparator());
    assertThat(out()).doesNotExist();
  }

  @Test
  void devZeroIsReadUpToTheLimitAndRefused() {
    CliRunner.Run run = CliRunner.run("generate", "/dev/zero", "-o", out().toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("/dev/zero:1:1: the input goes on past 8 MiB").doesNotContain("Exception");
    assertThat(out()).doesNotExist();
  }

  @Test
  void aRegularFileOverTheLimitIsRefusedWithItsSize() throws IOException {
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(8L * 1024 * 1024 + 1);
    }

    CliRunner.Run run = CliRunner.run("generate", big.toString(), "-o", out().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith(big + ":1:1: the file is too large (8388609 bytes); a requirements file is");
    assertThat(out()).doesNotExist();
  }

  @Test
  void anEndlessInputInABatchFailsAloneAndTheOthersAreWritten() {
    CliRunner.Run run = CliRunner.run("generate", "/dev/zero", "samples/minimal.yaml", "-o", out().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("/dev/zero:1:1: the input goes on past 8 MiB");
    assertThat(run.out()).contains("2 inputs: 1 ok, 1 failed");
    assertThat(out().resolve("notes/backend-architect/README.md")).isRegularFile();
  }
}
