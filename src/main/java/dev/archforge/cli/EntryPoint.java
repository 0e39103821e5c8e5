package dev.archforge.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the process starts. An unchanged {@code generate} is answered by {@link QuickGenerate};
 * everything else goes to picocli ({@link Main}). This class names no picocli type, so the quick
 * path never loads picocli.
 */
public final class EntryPoint {
  private EntryPoint() {}

  /**
   * Runs, then exits with the run's code. Stopped by a signal (Ctrl-C, SIGTERM) before that, the
   * process says so on its way out and exits as the JVM does on that signal (130, 143): no file is
   * half-written, since a workspace only ever changes by one atomic swap.
   */
  public static void main(String[] args) {
    PrintWriter err = writer(System.err, System.getProperty("sun.stderr.encoding"));
    AtomicBoolean ended = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!ended.get()) {
        err.println("archforge: stopped by a signal; no file is half-written: each workspace is as it was, or as "
            + "this run wrote it if its commit had begun. Run again to finish.");
        err.flush();
      }
    }, "archforge-signal"));
    PrintWriter out = writer(System.out, System.getProperty("sun.stdout.encoding"));
    // standard output carries archforge's results (--json among them) and nothing else: a library
    // that prints there (Cassandra's jamm does on Java 25) is not heard
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, Charset.defaultCharset()));
    int code = run(args, System.getenv(), out, err);
    ended.set(true);
    System.exit(code);
  }

  /** One invocation with the given environment and writers; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    OptionalInt quick = QuickGenerate.run(args, env, EscapingWriter.around(out), EscapingWriter.around(err));
    return quick.isPresent() ? quick.getAsInt() : Main.execute(args, env, out, err);
  }

  /**
   * The writer picocli would make for {@code stream}: in the console encoding the JVM was given
   * ({@code sun.stdout.encoding} or {@code sun.stderr.encoding}; null when none), else the default; autoflush.
   */
  public static PrintWriter writer(OutputStream stream, String encoding) {
    Charset charset = Charset.defaultCharset();
    if (encoding != null) {
      try {
        charset = Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
      } catch (IllegalArgumentException e) {
        // picocli falls back to the default charset too
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }
}
