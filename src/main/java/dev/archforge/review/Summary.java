package dev.archforge.review;

/** The counts of a review, in words, for the text report and the JSON summary. */
record Summary(int files, long errors, long warnings, long notes, int suppressed) {
  static Summary of(ReviewReport report) {
    return new Summary(report.reviewed().size(), count(report, Severity.ERROR), count(report, Severity.WARNING),
        count(report, Severity.NOTE), report.suppressed());
  }

  static String line(ReviewReport report, Severity failOn) {
    Summary s = of(report);
    return "reviewed " + s.files + " file(s): " + s.errors + " error(s), " + s.warnings + " warning(s), " + s.notes
        + " note(s)" + (s.suppressed > 0 ? ", " + s.suppressed + " suppressed" : "") + (report.fails(java.util.Optional
            .ofNullable(failOn)) ? "; fails at --fail-on " + failOn.label() : "");
  }

  private static long count(ReviewReport report, Severity severity) {
    return report.findings().stream().filter(f -> f.rule().severity() == severity).count();
  }
}
