package dev.archforge.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the run, one line: the checks skipped because a tool was missing ({@link
 * Tool.Missing}), by tool and test class, and the one command that installs those tools. Nothing
 * when every check ran.
 *
 * <p>Registered for the JUnit Platform in {@code META-INF/services}, so it runs in surefire's test
 * JVM. It writes to that JVM's own stderr (file descriptor 2), which surefire passes on to Maven's
 * output even under {@code mvn -q}; {@code System.err} would end up in the report files
 * ({@code redirectTestOutputToFile}).
 */
public class MissingToolsReport implements TestExecutionListener {
  private final PrintStream out;
  /** Tool name, then test class (simple name), then checks not run. */
  private final Map<String, Map<String, Integer>> skipped = new TreeMap<>();
  private final Map<String, Tool> tools = new TreeMap<>();
  private TestPlan plan;

  public MissingToolsReport() {
    this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }

  MissingToolsReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED
        || !(result.getThrowable().orElse(null) instanceof Tool.Missing missing)) {
      return;
    }
    // A class stopped in @BeforeAll: its tests were never started, count them all.
    int checks = id.isTest() ? 1 : (int) Math.max(1, plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
        .count());
    tools.put(missing.tool().name(), missing.tool());
    skipped.computeIfAbsent(missing.tool().name(), t -> new TreeMap<>()).merge(testClass(id), checks, Integer::sum);
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
    summary().ifPresent(out::println);
    out.flush();
  }

  /** The line, or empty when no check was skipped for a missing tool. */
  synchronized Optional<String> summary() {
    if (skipped.isEmpty()) {
      return Optional.empty();
    }
    int total = skipped.values().stream().flatMap(c -> c.values().stream()).mapToInt(Integer::intValue).sum();
    String byTool = skipped.entrySet().stream().map(t -> t.getKey() + " (" + t.getValue().entrySet().stream()
        .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", ")) + ")")
        .collect(Collectors.joining(", "));
    return Optional.of("Checks not run, their tools missing: " + total + " (" + byTool + "). Install them: "
        + Tool.installCommand(tools.values()));
  }

  private String testClass(TestIdentifier id) {
    for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
      TestSource source = at.getSource().orElse(null);
      String name = source instanceof MethodSource m ? m.getClassName()
          : source instanceof ClassSource c ? c.getClassName() : null;
      if (name != null) {
        return name.substring(name.lastIndexOf('.') + 1);
      }
    }
    return id.getDisplayName();
  }
}
