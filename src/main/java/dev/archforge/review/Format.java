package dev.archforge.review;

/** The forms a review report takes: text for people, JSON for agents, SARIF for code scanning, JUnit XML for CI. */
public enum Format {
  TEXT, JSON, SARIF, JUNIT;

  /**
   * The report.
   *
   * @param prefix put before every path (the reviewed folder as the user named it, "" for the current one)
   * @param failOn the least severity that fails the review; null for {@code --fail-on never}
   * @param version archforge's version, for the tool's metadata
   */
  public String render(ReviewReport report, String prefix, Severity failOn, String version) {
    return switch (this) {
      case TEXT -> TextReport.render(report, prefix, failOn);
      case JSON -> JsonReport.render(report, prefix, failOn, version);
      case SARIF -> SarifReport.render(report, prefix, version);
      case JUNIT -> JunitReport.render(report, prefix, failOn);
    };
  }
}
