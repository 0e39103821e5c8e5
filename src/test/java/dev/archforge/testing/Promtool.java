package dev.archforge.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own rule checker for tests: {@code promtool check rules} and
 * {@code promtool test rules}. promtool must be on the PATH (Debian: {@code apt-get install
 * prometheus}, which CI does in {@code .ci/run}); a missing promtool skips the calling test, or
 * fails it under {@code CI=true} ({@link Tool#missing}). {@code -Dpromtool=/path/to/promtool}
 * picks another binary.
 */
public final class Promtool {
  private static final long TIMEOUT_SECONDS = 300;

  /** What promtool answered: its exit code and everything it printed. */
  public record Result(int code, String output) {
    public boolean ok() {
      return code == 0;
    }
  }

  private Promtool() {}

  /** {@code promtool check rules FILE}: the rules parse, every expression is valid PromQL. */
  public static Result checkRules(Path rules) {
    return run(rules.getParent(), "check", "rules", rules.getFileName().toString());
  }

  /** {@code promtool test rules FILE}: the unit tests in FILE pass against the rules they name. */
  public static Result testRules(Path tests) {
    return run(tests.getParent(), "test", "rules", tests.getFileName().toString());
  }

  /** Fails the calling test with promtool's output unless it exited 0. */
  public static void assertPasses(Result result, String what) {
    if (!result.ok()) {
      throw new AssertionError("promtool " + what + " exited " + result.code() + ":\n" + result.output());
    }
  }

  private static String binary() {
    return System.getProperty("promtool", "promtool");
  }

  private static Result run(Path dir, String... args) {
    if (!Tool.found(binary())) {
      Tool.PROMTOOL.missing("no " + binary() + " on the PATH; -Dpromtool=PATH names another");
    }
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.addAll(List.of(args));
    Path out = null;
    try {
      out = Files.createTempFile("archforge-promtool-", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
          .redirectErrorStream(true).redirectOutput(out.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " took more than " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
