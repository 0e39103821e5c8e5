package dev.archforge.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gateway API's own schemas ({@code @kubernetes-models/gateway-api}, generated from its CRDs;
 * npm, pinned by {@code src/test/node/package-lock.json}), run by
 * {@code src/test/node/gateway-check.mjs}. Without node the calling test is skipped, or fails under
 * {@code CI=true}, as with every Node check.
 */
public final class GatewayApiCheck {
  private static final long TIMEOUT_SECONDS = 180;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private GatewayApiCheck() {}

  /** How many Gateway API objects the files hold, and the schema errors of each invalid one. */
  public record Report(int checked, List<Error> errors) {
    public Report {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }

  public record Error(String file, String kind, String name, String message) {}

  /** Validates every Gateway, HTTPRoute and GRPCRoute of the files in one node process. */
  public static Report check(List<Path> files) {
    return run("gateway-check.mjs", files);
  }

  /** Runs a script of {@code src/test/node} that checks objects against @kubernetes-models schemas. */
  static Report run(String script, List<Path> files) {
    Path dir = NodeTools.ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    ProcessRun run = ProcessRun.run(command, dir, TIMEOUT_SECONDS);
    if (run.code() != 0 && run.code() != 1) {
      throw new AssertionError(script + " exited " + run.code() + "\n" + run.err() + run.out());
    }
    try {
      return JSON.readValue(run.out(), Report.class);
    } catch (IOException e) {
      throw new AssertionError(script + " printed no report: " + e.getMessage() + "\n" + run.out()
          + run.err(), e);
    }
  }
}
