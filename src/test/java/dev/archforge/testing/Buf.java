package dev.archforge.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code buf} (the version pinned in {@code src/test/node/package-lock.json}) for tests:
 * {@code buf build} and {@code buf lint} in a folder that holds a {@code buf.yaml} and proto files,
 * typically a {@code @TempDir} the test wrote generated files into. buf's cache goes into that
 * folder's {@code .buf-cache}, and nothing is fetched: generated contracts import only the
 * well-known types buf carries.
 */
public final class Buf {
  private static final long TIMEOUT_SECONDS = 120;
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private Buf() {}

  /**
   * What buf said about one folder.
   *
   * @param buildExit {@code buf build}'s exit code: 0 when every file compiles
   * @param build its messages
   * @param lintExit {@code buf lint}'s exit code: 0 without findings, 100 with
   * @param lint its findings, one a line ({@code path:line:column:message (RULE)}), or its messages
   */
  public record Report(int buildExit, String build, int lintExit, String lint) {
    public boolean clean() {
      return buildExit == 0 && lintExit == 0 && lint.isBlank();
    }

    /** The lint findings, one an entry. */
    public List<String> findings() {
      return lint.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "buf build exited " + buildExit + (build.isBlank() ? "" : ":\n" + build) + "\nbuf lint exited " + lintExit
          + (lint.isBlank() ? "" : ":\n" + lint);
    }
  }

  /** Runs {@code buf build} and {@code buf lint} in {@code dir}. */
  public static Report check(Path dir) {
    if (!Files.isRegularFile(dir.resolve("buf.yaml"))) {
      throw new IllegalArgumentException("no buf.yaml in " + dir);
    }
    Result build = run(dir, "build", "--error-format=text");
    Result lint = run(dir, "lint", "--error-format=text");
    if (lint.code() != 0 && lint.code() != 100) {
      throw new AssertionError("buf lint exited " + lint.code() + "\n" + lint.err() + lint.out());
    }
    return new Report(build.code(), build.out() + build.err(), lint.code(), lint.out() + lint.err());
  }

  /** The buf executable of {@code src/test/node}, installed on first use. */
  public static Path executable() {
    Path bin = NodeTools.ensureInstalled().resolve("node_modules/.bin/" + (WINDOWS ? "buf.cmd" : "buf"));
    if (!Files.isRegularFile(bin)) {
      throw new AssertionError("no " + bin + ": is @bufbuild/buf in src/test/node/package.json?");
    }
    return bin;
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("archforge-buf-", ".out");
      err = Files.createTempFile("archforge-buf-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("BUF_CACHE_DIR", dir.resolve(".buf-cache").toString());
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " took more than " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}
