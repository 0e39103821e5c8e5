package dev.archforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process with captured out and err and a fixed SOURCE_DATE_EPOCH. */
final class CliRunner {
  static final String EPOCH = "1767225600"; // 2026-01-01T00:00:00Z

  record Run(int code, String out, String err) {}

  private CliRunner() {}

  static Run run(String... args) {
    return run(Map.of("SOURCE_DATE_EPOCH", EPOCH), args);
  }

  /** With an environment of the test's own (the run cache's folder, say). */
  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
