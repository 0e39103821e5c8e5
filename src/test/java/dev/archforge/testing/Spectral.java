package dev.archforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Runs Spectral ({@code @stoplight/spectral-cli}, pinned in {@code src/test/node}) on files and
 * returns what it found. The project's ruleset is {@code src/test/node/.spectral.yaml}: Spectral's
 * OpenAPI rules and the OWASP API Security rules, with the exceptions it explains.
 *
 * <p>Like every Node check ({@link NodeTools}), it is skipped without node, or fails under
 * {@code CI=true}.
 */
public final class Spectral {
  private static final long TIMEOUT_SECONDS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /** Spectral's severities, in its order (0 is error). */
  public enum Severity {
    ERROR,
    WARNING,
    INFORMATION,
    HINT
  }

  /**
   * One result: the rule's {@code code}, its severity, the JSON path of the node as dotted text
   * ({@code paths./products.get.responses}), the message, the file as Spectral names it (absolute)
   * and the 1-based line.
   */
  public record Finding(String code, Severity severity, String path, String message, String file, int line) {
    @Override
    public String toString() {
      return file + ":" + line + " " + severity.name().toLowerCase(Locale.ROOT) + " " + code + " " + path + ": "
          + message;
    }
  }

  private Spectral() {}

  /** {@code src/test/node/.spectral.yaml}. */
  public static Path projectRuleset() {
    return NodeTools.nodeDir().resolve(".spectral.yaml");
  }

  /** Lints the files with the project's ruleset. */
  public static List<Finding> lint(List<Path> files) {
    return lint(projectRuleset(), files);
  }

  /**
   * Runs {@code spectral lint --format json --ruleset <ruleset> <files>} in {@code src/test/node}
   * (so the ruleset's {@code extends} resolve from its {@code node_modules}) and parses the report.
   * Fails when Spectral itself fails (exit code 2: a broken ruleset, an unreadable file).
   */
  public static List<Finding> lint(Path ruleset, List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no file to lint");
    }
    Path dir = NodeTools.ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node",
        dir.resolve("node_modules/@stoplight/spectral-cli/dist/index.js").toString(), "lint", "--format", "json",
        "--fail-severity", "error", "--ruleset", ruleset.toAbsolutePath().toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    Result result = run(command, dir);
    if (result.code() != 0 && result.code() != 1) {
      throw new AssertionError("spectral exited " + result.code() + "\n" + result.err() + result.out());
    }
    return parse(result.out(), result.err());
  }

  static List<Finding> parse(String out, String err) {
    String text = out.strip();
    JsonNode report;
    try {
      // Spectral prints a plain line instead of [] when there is nothing to report.
      report = text.startsWith("[") ? JSON.readTree(text) : JSON.createArrayNode();
    } catch (IOException e) {
      throw new AssertionError("spectral printed no JSON report: " + e.getMessage() + "\nstdout:\n" + out
          + "\nstderr:\n" + err, e);
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode r : report) {
      List<String> path = new ArrayList<>();
      r.path("path").forEach(p -> path.add(p.asText()));
      findings.add(new Finding(r.path("code").asText(), Severity.values()[r.path("severity").asInt()],
          String.join(".", path), r.path("message").asText(), r.path("source").asText(),
          r.at("/range/start/line").asInt() + 1));
    }
    return findings;
  }

  private record Result(int code, String out, String err) {}

  /** Runs the command in {@code dir}, its output in temp files (no pipe to fill up). */
  private static Result run(List<String> command, Path dir) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("archforge-spectral-", ".out");
      err = Files.createTempFile("archforge-spectral-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run node (is Node.js 18 or later on the PATH?): " + e.getMessage(), e);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError("spectral took more than " + TIMEOUT_SECONDS + " s\n"
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running spectral", e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}
