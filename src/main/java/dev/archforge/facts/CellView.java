package dev.archforge.facts;

import dev.archforge.model.Cell;
import dev.archforge.model.Jurisdiction;
import dev.archforge.model.Plan;
import dev.archforge.model.Spelled;
import java.util.List;

/**
 * A cell as documents show it: its jurisdiction, the regions that serve traffic and the region its
 * backups and standby go to ({@code none} when the jurisdiction has no other region).
 */
public record CellView(String jurisdiction, String title, String serving, String recovery, List<String> regions) {
  public CellView {
    regions = List.copyOf(regions);
  }

  /** The plan's cells; empty when the plan names no region (no region table). */
  public static List<CellView> of(Plan plan) {
    return plan.cells().cells().stream().filter(c -> !c.serving().isEmpty()).map(CellView::of).toList();
  }

  static CellView of(Cell c) {
    String title = Spelled.parse(Jurisdiction.class, c.jurisdiction()).map(Jurisdiction::title).orElse(c.jurisdiction());
    return new CellView(c.jurisdiction(), title, String.join(", ", c.serving()), c.recovery().orElse("none"),
        c.regions());
  }
}
