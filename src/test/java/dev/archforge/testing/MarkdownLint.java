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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * markdownlint-cli2 (from {@code src/test/node}, installed by {@link NodeTools}) over Markdown
 * files, with the settings of {@code src/test/node/.markdownlint-cli2.jsonc}. Without node the
 * calling test is skipped, or fails under {@code CI=true} (see {@link NodeTools}); a missing
 * markdownlint-cli2 in node_modules fails it.
 */
public final class MarkdownLint {
  static final String CONFIG = ".markdownlint-cli2.jsonc";
  private static final String BIN = "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs";
  private static final long TIMEOUT_SECONDS = 300;
  private static final Pattern FINDING =
      Pattern.compile("^(.+?):(\\d+)(?::\\d+)? (MD\\d{3})/(\\S+) (.*)$");

  /** One rule broken: the file (relative to the folder linted), line, rule id and alias, message. */
  public record Finding(String file, int line, String rule, String alias, String message) {
    @Override
    public String toString() {
      return file + ":" + line + " " + rule + "/" + alias + " " + message;
    }
  }

  private MarkdownLint() {}

  /**
   * Lints the files (absolute paths under {@code root}) and returns what broke a rule; file names
   * in the findings are relative to {@code root}.
   */
  public static List<Finding> lint(Path root, List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no Markdown file to lint");
    }
    Path node = NodeTools.ensureInstalled();
    Path bin = node.resolve(BIN);
    if (!Files.isRegularFile(bin)) {
      throw new AssertionError("markdownlint-cli2 is not installed in " + node + ": add it to package.json "
          + "(\"markdownlint-cli2\": \"0.17.2\") and run npm install there");
    }
    List<String> command = new ArrayList<>(List.of("node", bin.toString(), "--config",
        node.resolve(CONFIG).toString()));
    files.forEach(f -> command.add(":" + f.toAbsolutePath()));
    String output = run(command, root);
    boolean failed = output.startsWith("1\n");
    output = output.substring(2);
    List<Finding> findings = new ArrayList<>();
    for (String line : output.split("\\R")) {
      Matcher m = FINDING.matcher(line);
      if (m.matches()) {
        findings.add(new Finding(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4), m.group(5)));
      }
    }
    if (failed == findings.isEmpty()) {
      throw new AssertionError("markdownlint-cli2's exit code and its output disagree:\n" + output);
    }
    return findings;
  }

  /** Runs the command; returns its exit code (0 or 1) on the first line, then its output. */
  private static String run(List<String> command, Path dir) {
    Path out = null;
    try {
      out = Files.createTempFile("archforge-mdlint-", ".out");
      Process process;
      try {
        process = new ProcessBuilder(command).directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
            .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      } catch (IOException e) {
        throw new AssertionError("cannot run node: " + e.getMessage(), e);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("markdownlint-cli2 took more than " + TIMEOUT_SECONDS + " s");
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      // 0: clean, 1: findings, 2: the tool itself failed
      if (process.exitValue() != 0 && process.exitValue() != 1) {
        throw new AssertionError("markdownlint-cli2 exited " + process.exitValue() + ":\n" + output);
      }
      if (!output.contains("Linting: ")) {
        throw new AssertionError("markdownlint-cli2 linted nothing:\n" + output);
      }
      return process.exitValue() + "\n" + output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running markdownlint-cli2", e);
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
