package dev.archforge.deliverable.decisions;

import java.util.List;

/** The index of the decision records. */
public record DecisionIndexView(String title, List<Row> rows) {
  public DecisionIndexView {
    rows = List.copyOf(rows);
  }

  /** One record, current or superseded: its file, topic title, choice, status and who decided. */
  public record Row(String file, String title, String choice, String status, String by) {}
}
