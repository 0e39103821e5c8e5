package dev.archforge.cli;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.write.WriteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an unexpected exception (exit code 1) means for the person who ran archforge: the file
 * system failed (a full disk, a folder it may not write, a path through a file, a link it refuses,
 * a damaged manifest), with what happened and what to do; or a bug in archforge, said as such.
 */
final class Failures {
  private Failures() {}

  /**
   * Prints a run's failure on {@code err} and returns its exit code: an {@link ArchforgeException}'s
   * own messages and code, anything else as an internal error ({@link #messages}).
   */
  static int print(Exception e, PrintWriter err, Map<String, String> env) {
    if (e instanceof ArchforgeException ae) {
      ae.messages().forEach(err::println);
      err.flush();
      return ae.exitCode().code();
    }
    List<String> messages = messages(e, env);
    err.println("archforge: " + messages.get(0));
    messages.subList(1, messages.size()).forEach(err::println);
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  /** The lines to print, the first one naming the failure; with ARCHFORGE_DEBUG, the stack trace last. */
  static List<String> messages(Exception e, Map<String, String> env) {
    List<String> lines = new ArrayList<>();
    if (isEnvironment(e)) {
      lines.add(e.getMessage());
      lines.add(advice(e));
    } else {
      lines.add("internal error: " + e);
      lines.add("This is a bug in archforge, not in your input; please report it with the command you ran.");
    }
    if (env.get("ARCHFORGE_DEBUG") != null) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      lines.add(trace.toString().stripTrailing());
    }
    return lines;
  }

  /** The workspace could not be read or written, or a file could not: the disk, not the code. */
  private static boolean isEnvironment(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WriteException || t instanceof UncheckedIOException || t instanceof IOException) {
        return t.getMessage() != null;
      }
    }
    return false;
  }

  private static String advice(Throwable e) {
    StringBuilder all = new StringBuilder();
    boolean denied = false;
    boolean notFolder = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(' ').append(t.getMessage());
      denied |= t instanceof AccessDeniedException;
      notFolder |= t instanceof NotDirectoryException;
    }
    String text = all.toString().toLowerCase(Locale.ROOT);
    if (text.contains("no space left") || text.contains("quota exceeded")) {
      return "The disk is full: free some space on it, then run again. A run that fails leaves the workspace as it was.";
    }
    if (denied || text.contains("permission denied") || text.contains("read-only file system")) {
      return "archforge may not write there: make the folder writable for this user, or choose another one with -o;"
          + " then run again.";
    }
    if (notFolder || text.contains("not a directory")) {
      return "A part of that path is a file, not a folder: move the file away or choose another folder with -o.";
    }
    if (text.contains("symbolic link")) {
      return "Replace the link with the file itself, or remove it, then run again.";
    }
    return "This is a problem of the files or the disk, not a bug in archforge: fix it as the message says and run"
        + " again.";
  }
}
