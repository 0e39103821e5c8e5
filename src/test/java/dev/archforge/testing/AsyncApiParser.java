package dev.archforge.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The real {@code @asyncapi/parser} (npm, pinned by {@code src/test/node/package-lock.json}), run
 * by {@code src/test/node/asyncapi-check.mjs} after {@link NodeTools#ensureInstalled()}. Without node
 * the calling test is skipped, or fails under {@code CI=true}, as with every Node check.
 */
public final class AsyncApiParser {
  private static final long TIMEOUT_SECONDS = 180;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private AsyncApiParser() {}

  /** What the parser said about each file, in the order given. */
  public record Report(List<FileReport> files) {
    public Report {
      files = files == null ? List.of() : List.copyOf(files);
    }

    /** Every error (severity 0) of every file. */
    public List<Diagnostic> errors() {
      return files.stream().flatMap(f -> f.errors().stream()).toList();
    }
  }

  /**
   * One file: {@code file} as passed (an absolute path), whether the parser produced a document,
   * and its diagnostics.
   */
  public record FileReport(String file, boolean parsed, List<Diagnostic> diagnostics) {
    public FileReport {
      diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
  }

  /**
   * One diagnostic: the rule's code, severity (0 error, 1 warning, 2 information, 3 hint), message,
   * the JSON path it is about and its 1-based line (0 when the parser gives none).
   */
  public record Diagnostic(String code, int severity, String message, List<String> path, int line) {
    public boolean isError() {
      return severity == 0;
    }

    @Override
    public String toString() {
      return line + ": " + message + " [" + code + "] at /" + String.join("/", path == null ? List.of() : path);
    }
  }

  /** Parses every file with {@code new Parser().parse(text)} in one node process. */
  public static Report parse(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no AsyncAPI document to check");
    }
    Path dir = NodeTools.ensureInstalled();
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(dir.resolve("asyncapi-check.mjs").toString());
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    Run run = run(command, dir);
    if (run.code() != 0 && run.code() != 1) {
      throw new AssertionError("asyncapi-check.mjs exited " + run.code() + "\n" + run.err() + run.out());
    }
    Report report;
    try {
      report = JSON.readValue(run.out(), Report.class);
    } catch (IOException e) {
      throw new AssertionError("asyncapi-check.mjs printed no report: " + e.getMessage() + "\nstdout:\n"
          + run.out() + "\nstderr:\n" + run.err(), e);
    }
    if ((run.code() == 1) == report.errors().isEmpty() || report.files().size() != files.size()) {
      throw new AssertionError("asyncapi-check.mjs exited " + run.code() + " with " + report.errors().size()
          + " errors for " + report.files().size() + " of " + files.size() + " files\n" + run.out());
    }
    return report;
  }

  private record Run(int code, String out, String err) {}

  /** Runs the command in {@code dir}, its output in temp files (no pipe to fill up). */
  private static Run run(List<String> command, Path dir) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("archforge-asyncapi-", ".out");
      err = Files.createTempFile("archforge-asyncapi-", ".err");
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " took more than " + TIMEOUT_SECONDS + " s");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      for (Path p : new Path[] {out, err}) {
        if (p != null) {
          p.toFile().delete();
        }
      }
    }
  }
}
