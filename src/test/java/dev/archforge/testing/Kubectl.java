package dev.archforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kubectl kustomize} for tests. kubectl must be on the PATH (or named by the system
 * property {@code archforge.kubectl} or the variable {@code ARCHFORGE_KUBECTL}) and be 1.21 or
 * later: older ones embed kustomize 2, which cannot read directories in {@code resources} or the
 * {@code patches} field. A missing or older kubectl skips the test, or fails it under {@code CI=true}
 * ({@link Tool#missing}).
 */
public final class Kubectl {
  private static final long TIMEOUT_SECONDS = 120;
  private static String checked;

  private Kubectl() {}

  /** The binary the tests run. */
  public static String binary() {
    String property = System.getProperty("archforge.kubectl");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("ARCHFORGE_KUBECTL");
    return env != null && !env.isBlank() ? env : "kubectl";
  }

  /** {@code kubectl kustomize DIR}; fails with kubectl's message when the build fails. */
  public static String kustomize(Path dir) {
    ProcessRun run = kustomizeRun(dir);
    if (run.code() != 0) {
      throw new AssertionError("kubectl kustomize " + dir + " exited " + run.code() + ":\n" + run.err());
    }
    return run.out();
  }

  /** {@code kubectl kustomize DIR} as it ran, for tests that expect it to fail. */
  public static ProcessRun kustomizeRun(Path dir) {
    String kubectl = ensureRecent();
    return ProcessRun.run(List.of(kubectl, "kustomize", dir.toAbsolutePath().toString()), dir, TIMEOUT_SECONDS);
  }

  /** The kubectl to run; its version is checked once per JVM (below 1.21 it counts as missing). */
  public static synchronized String ensureRecent() {
    String kubectl = binary();
    if (checked != null) {
      return kubectl;
    }
    if (!Tool.found(kubectl)) {
      Tool.KUBECTL.missing("no " + kubectl + " on the PATH; -Darchforge.kubectl=PATH names another");
    }
    ProcessRun run = ProcessRun.run(List.of(kubectl, "version", "--client", "-o", "json"), Path.of("."), 60);
    if (run.code() != 0) {
      throw new AssertionError(kubectl + " version --client exited " + run.code() + ": " + run.err());
    }
    JsonNode client;
    try {
      client = new ObjectMapper().readTree(run.out()).path("clientVersion");
    } catch (IOException e) {
      throw new AssertionError("kubectl printed no version JSON: " + run.out(), e);
    }
    int major = Integer.parseInt(client.path("major").asText("0").replaceAll("\\D", ""));
    int minor = Integer.parseInt(client.path("minor").asText("0").replaceAll("\\D", ""));
    if (major < 1 || major == 1 && minor < 21) {
      Tool.KUBECTL.missing(kubectl + " is " + major + "." + minor + ", whose kustomize cannot build the overlays");
    }
    checked = major + "." + minor;
    return kubectl;
  }
}
