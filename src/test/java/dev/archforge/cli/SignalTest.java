package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.testing.NamedPipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped by SIGTERM says so and exits as the JVM does on that signal, writing nothing. */
class SignalTest {
  @TempDir
  Path tmp;

  @Test
  void sigtermMidRunPrintsTheMessageAndExits143() throws Exception {
    Path input = NamedPipe.make(tmp.resolve("in.yaml")); // nobody writes it: the run waits in the loader
    Path out = tmp.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EntryPoint.class.getName(),
        "generate", input.toString(), "-o", out.toString()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("printed.txt").toFile()).start();
    Thread.sleep(1500); // let it reach the read of the pipe; a signal before that ends it the same way
    run.destroy();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(tmp.resolve("printed.txt"), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(printed).isEqualTo(143);
    assertThat(printed).contains("archforge: stopped by a signal; no file is half-written");
    assertThat(out).doesNotExist();
  }
}
