package dev.archforge.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Node-based checks for tests: the npm project in {@code src/test/node} (its versions pinned by
 * its package-lock.json) and the scripts there.
 *
 * <p>Node 18 or later and npm must be on the PATH: without them the calling test is skipped, or
 * fails under {@code CI=true} ({@link Tool#missing}; CI installs node, see {@code .ci/run}).
 * {@code npm ci} runs at most once per JVM, and only when
 * {@code node_modules} is missing or older than the lock file; a lock file in the temp folder keeps
 * two builds of the same tree (say {@code -DbuildDir=target-x} beside {@code target}) from
 * installing at the same time.
 */
public final class NodeTools {
  private static final long CHECK_TIMEOUT_SECONDS = 120;
  private static final long INSTALL_TIMEOUT_SECONDS = 600;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private static boolean installed;

  /**
   * What {@code mermaid-check.mjs} found: how many {@code ```mermaid} blocks the files had, and
   * those that mermaid refused.
   */
  public record MermaidReport(int blocks, List<MermaidError> errors) {
    public MermaidReport {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }

  /**
   * One block that mermaid refused: {@code file} as passed to the script (an absolute path),
   * {@code line} the 1-based line of its opening fence, {@code diagramType} mermaid's detected type
   * ({@code c4}, {@code er}, {@code sequence}, {@code flowchart-v2}, ...; null when it detected
   * none), {@code message} mermaid's error.
   */
  public record MermaidError(String file, int line, String diagramType, String message) {}

  private NodeTools() {}

  /** The npm project of the tests' Node tools: {@code src/test/node}. */
  public static Path nodeDir() {
    Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("src/test/node");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("no src/test/node/package.json at or above " + start.toAbsolutePath());
  }

  /**
   * Parses every {@code ```mermaid} block of the given Markdown files with the real mermaid
   * package (under jsdom) and returns what it found.
   */
  public static MermaidReport mermaid(List<Path> markdownFiles) {
    if (markdownFiles.isEmpty()) {
      throw new IllegalArgumentException("no Markdown file to check");
    }
    Path dir = ensureInstalled();
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(dir.resolve("mermaid-check.mjs").toString());
    for (Path file : markdownFiles) {
      command.add(file.toAbsolutePath().toString());
    }
    Result result = run(command, dir, CHECK_TIMEOUT_SECONDS);
    if (result.code() != 0 && result.code() != 1) {
      throw new AssertionError(
          "mermaid-check.mjs exited " + result.code() + "\n" + result.err() + result.out());
    }
    MermaidReport report;
    try {
      report = JSON.readValue(result.out(), MermaidReport.class);
    } catch (IOException e) {
      throw new AssertionError(
          "mermaid-check.mjs printed no report: " + e.getMessage() + "\nstdout:\n" + result.out()
              + "\nstderr:\n" + result.err(),
          e);
    }
    if ((result.code() == 1) == report.errors().isEmpty()) {
      throw new AssertionError(
          "mermaid-check.mjs exited " + result.code() + " with " + report.errors().size()
              + " errors\n" + result.out());
    }
    return report;
  }

  /**
   * Makes sure {@code src/test/node/node_modules} is installed ({@code npm ci}) and returns
   * {@code src/test/node}. Fails when the install fails; {@link Tool#NODE} is missing without node
   * or npm.
   */
  public static synchronized Path ensureInstalled() {
    Path dir = nodeDir();
    if (installed) {
      return dir;
    }
    checkNode(dir);
    String tag = Integer.toHexString(dir.toAbsolutePath().toString().hashCode());
    Path lock = Path.of(System.getProperty("java.io.tmpdir"), "archforge-npm-" + tag + ".lock");
    try (FileChannel channel =
        FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // held until the channel closes
      if (!upToDate(dir)) {
        npmCi(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lock, e);
    }
    installed = true;
    return dir;
  }

  private static void npmCi(Path dir) {
    if (!Tool.found("npm")) {
      Tool.NODE.missing("no npm on the PATH, and " + dir + "/node_modules needs npm ci");
    }
    String npmCommand = WINDOWS ? "npm.cmd" : "npm";
    Result npm = run(List.of(npmCommand, "ci", "--no-audit", "--no-fund"), dir,
        INSTALL_TIMEOUT_SECONDS);
    if (npm.code() != 0) {
      throw new AssertionError(
          "npm ci in " + dir + " exited " + npm.code() + "\n" + npm.out() + npm.err());
    }
    if (!upToDate(dir)) {
      throw new AssertionError("npm ci in " + dir + " left no node_modules/.package-lock.json");
    }
  }

  /** node_modules was installed (npm writes its hidden lock file last) from the current lock. */
  private static boolean upToDate(Path dir) {
    Path hidden = dir.resolve("node_modules/.package-lock.json");
    try {
      return Files.isRegularFile(hidden)
          && Files.getLastModifiedTime(hidden)
                  .compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json")))
              >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkNode(Path dir) {
    if (!Tool.found("node")) {
      Tool.NODE.missing("no node on the PATH");
    }
    Result version = run(List.of("node", "--version"), dir, 30);
    String v = version.out().trim();
    if (version.code() != 0 || !v.matches("v\\d+\\..*")) {
      throw new AssertionError(
          "node --version exited " + version.code() + ": " + v + version.err());
    }
    int major = Integer.parseInt(v.substring(1, v.indexOf('.')));
    if (major < 18) {
      Tool.NODE.missing("node is " + v + "; the checks need 18 or later");
    }
  }

  private record Result(int code, String out, String err) {}

  /** Runs a command in {@code dir}, its output in temp files (no pipe to fill up). */
  private static Result run(List<String> command, Path dir, long timeoutSeconds) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("archforge-node-", ".out");
      err = Files.createTempFile("archforge-node-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().put("npm_config_update_notifier", "false");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
      }
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " took more than " + timeoutSeconds
            + " s\n" + Files.readString(err, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static File nullDevice() {
    return new File(WINDOWS ? "NUL" : "/dev/null");
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
