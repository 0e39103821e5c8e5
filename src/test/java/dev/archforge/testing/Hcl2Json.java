package dev.archforge.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real HCL parser of HashiCorp ({@code @cdktf/hcl2json} on npm, pinned by
 * {@code src/test/node/package-lock.json}), run by {@code src/test/node/hcl2json-check.mjs} after
 * {@link NodeTools#ensureInstalled()}: the second parser of every generated {@code .tf} file.
 * Without node the calling test is skipped, or fails under {@code CI=true}, as with every Node check.
 */
public final class Hcl2Json {
  private static final long TIMEOUT_SECONDS = 180;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Hcl2Json() {}

  /** What the parser said about each file, in the order given. */
  public record Report(List<FileReport> files) {
    public Report {
      files = files == null ? List.of() : List.copyOf(files);
    }

    public List<FileReport> failed() {
      return files.stream().filter(f -> !f.parsed()).toList();
    }
  }

  /**
   * One file: whether it parsed, the parser's message when not, and the resources
   * ({@code type.name}) and module calls it declares.
   */
  public record FileReport(String file, boolean parsed, String error, List<String> resources, List<String> modules) {
    public FileReport {
      resources = resources == null ? List.of() : List.copyOf(resources);
      modules = modules == null ? List.of() : List.copyOf(modules);
    }
  }

  /** Parses every file in one node process. */
  public static Report parse(List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .tf file to parse");
    }
    Path dir = NodeTools.ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node", dir.resolve("hcl2json-check.mjs").toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    ProcessRun run = ProcessRun.run(command, dir, TIMEOUT_SECONDS);
    Report report;
    try {
      report = JSON.readValue(run.out(), Report.class);
    } catch (IOException e) {
      throw new AssertionError("hcl2json-check.mjs exited " + run.code() + " and printed no report: " + e.getMessage()
          + "\nstdout:\n" + run.out() + "\nstderr:\n" + run.err(), e);
    }
    if ((run.code() == 1) == report.failed().isEmpty() || report.files().size() != files.size()) {
      throw new AssertionError("hcl2json-check.mjs exited " + run.code() + " with " + report.failed().size()
          + " failures for " + report.files().size() + " of " + files.size() + " files\n" + run.out());
    }
    return report;
  }
}
