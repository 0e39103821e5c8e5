package dev.archforge.load;

import dev.archforge.load.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file while it is loaded; a new one per load. */
final class Diagnostics {
  private final String file;
  private final List<Diagnostic> list = new ArrayList<>();

  Diagnostics(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** Where a node starts, as {@code FILE:LINE:COLUMN}. */
  String location(Node at) {
    Mark mark = at.getStartMark();
    return file + ":" + (mark == null ? 1 : mark.getLine() + 1) + ":" + (mark == null ? 1 : mark.getColumn() + 1);
  }

  void error(Node at, String message) {
    add(at.getStartMark(), Severity.ERROR, message);
  }

  void warning(Node at, String message) {
    add(at.getStartMark(), Severity.WARNING, message);
  }

  void error(Mark at, String message) {
    add(at, Severity.ERROR, message);
  }

  /**
   * An error at a character offset inside a scalar's text: exact for a scalar written on one line
   * (plain or quoted, without escapes before the offset), the scalar's start otherwise.
   */
  void error(Node at, int offset, String message) {
    Mark start = at.getStartMark();
    Mark end = at.getEndMark();
    if (start == null || end == null || start.getLine() != end.getLine()
        || !(at instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar)) {
      error(at, message);
      return;
    }
    int quote = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
    list.add(new Diagnostic(file, start.getLine() + 1, start.getColumn() + 1 + quote + offset, Severity.ERROR,
        message));
  }

  void errorAtStart(String message) {
    list.add(new Diagnostic(file, 1, 1, Severity.ERROR, message));
  }

  private void add(Mark mark, Severity severity, String message) {
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    list.add(new Diagnostic(file, line, column, severity, message));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(Diagnostic::isError);
  }

  /** Sorted by position, so the report reads top to bottom. */
  List<Diagnostic> sorted() {
    return list.stream()
        .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
        .distinct()
        .toList();
  }
}
