package dev.archforge.review;

import java.util.HashSet;
import java.util.Set;

/** The report for people: one line per finding, {@code FILE:LINE:COLUMN: severity: message [rule]}, the fix once per rule, a summary. */
final class TextReport {
  private TextReport() {}

  static String render(ReviewReport report, String prefix, Severity failOn) {
    StringBuilder out = new StringBuilder();
    Set<String> explained = new HashSet<>();
    for (ReviewFinding f : report.findings()) {
      out.append(prefix).append(f.path()).append(':').append(Math.max(f.line(), 1)).append(":1: ")
          .append(f.rule().severity().label()).append(": ").append(f.message()).append(" [").append(f.rule().id())
          .append("]\n");
      if (explained.add(f.rule().id())) {
        out.append("    fix: ").append(f.rule().help()).append('\n');
      }
    }
    out.append(Summary.line(report, failOn)).append('\n');
    return out.toString();
  }
}
