package dev.archforge.decide;

import dev.archforge.model.Cell;
import dev.archforge.model.Cells;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import java.util.ArrayList;
import java.util.List;

/**
 * What data residency means for the stores: under {@code dataResidency}, the database, cache and
 * broker decisions gain a consequence naming each cell's regions, so that each record says where
 * its data may be and that nothing is replicated between cells.
 */
final class CellConsequences {
  private CellConsequences() {}

  static Decision apply(Decision d, Cells cells) {
    if (!cells.residency()) {
      return d;
    }
    String where = String.join("; ", cells.cells().stream().map(CellConsequences::describe).toList());
    String sentence = switch (d.topic()) {
      case "database" -> "A database per cell (" + where + "): its replicas and standby stay in"
          + " the cell's regions and nothing is replicated between cells; a user's rows live only in the cell of their"
          + " jurisdiction.";
      case "caching" -> d.choice().equals("none") ? null : "A cache per cell (" + where + "), never replicated between"
          + " cells; a CDN caches no personal data and is purged per cell.";
      case "messaging" -> d.choice().equals("none") ? null : "A broker per cell (" + where + "): no topic is mirrored"
          + " between cells, and events carrying personal data are consumed only inside their cell.";
      default -> null;
    };
    if (sentence == null) {
      return d;
    }
    List<String> consequences = new ArrayList<>(d.consequences());
    consequences.add(sentence);
    List<Driver> drivers = new ArrayList<>(d.drivenBy());
    drivers.add(new Driver("dataResidency", cells.cells().stream().map(Cell::jurisdiction).toList()));
    return new Decision(d.topic(), d.title(), d.question(), d.choice(), d.origin(), d.rule(), d.reasons(), drivers,
        d.options(), consequences, d.drafted(), d.trace());
  }

  private static String describe(Cell c) {
    return c.jurisdiction() + " in " + String.join(", ", c.regions());
  }
}
