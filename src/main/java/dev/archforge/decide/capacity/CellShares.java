package dev.archforge.decide.capacity;

import dev.archforge.model.Capacity;
import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Cell;
import dev.archforge.model.Cells;
import dev.archforge.model.Event;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Under {@code dataResidency}, each cell carries its jurisdiction's share of the users, traffic and
 * data, in its own serving regions: the requirements scaled by that share and sized like a system of
 * their own. The requirements state no share per jurisdiction, so the split is even and the plan
 * asks for the real one.
 */
public final class CellShares {
  /**
   * One cell's share and what it needs.
   *
   * @param requirements the system's requirements with users, peak rate, data, growth and stated event
   *     rates × share, and the cell's serving regions as {@code scale.regions}
   */
  public record CellPlan(String jurisdiction, double share, String basis, Requirements requirements,
      Capacity capacity) {}

  private CellShares() {}

  /** The cells' plans; empty without {@code dataResidency}. */
  public static List<CellPlan> of(Requirements r, Cells cells, CapacityAssumptions a, Map<String, String> choices) {
    if (!cells.residency()) {
      return List.of();
    }
    int count = cells.cells().size();
    double share = 1.0 / count;
    String basis = "an even split over " + count + " cells: dataResidency states no share per jurisdiction";
    int regionsIfNoTable = Math.max(1, (int) Math.ceil(r.scale().regions() / (double) count));
    Baseline whole = BaselineCalculator.compute(r, a);
    List<CellPlan> plans = new ArrayList<>();
    for (Cell cell : cells.cells()) {
      int regions = cell.serving().isEmpty() ? regionsIfNoTable : cell.serving().size();
      Requirements scaled = scaled(r, whole, share, regions);
      Capacity capacity = SizingCalculator.size(scaled, a, BaselineCalculator.compute(scaled, a), choices);
      plans.add(new CellPlan(cell.jurisdiction(), share, basis, scaled, capacity));
    }
    return List.copyOf(plans);
  }

  /**
   * The requirements of one cell: users from the whole system's (given or assumed) users × share,
   * a stated peak rate × share, data and growth × share, stated event rates × share.
   */
  static Requirements scaled(Requirements r, Baseline whole, double share, int regions) {
    Scale s = r.scale();
    List<String> assumed = s.assumed().stream()
        .filter(k -> !List.of("concurrentUsers", "peakRps", "dataGb", "growthGbPerMonth", "regions").contains(k))
        .toList();
    Scale cell = new Scale((int) Math.round(whole.value("concurrentUsers") * share),
        s.peakRps() == null ? null : (int) Math.round(s.peakRps() * share), s.readRatio(),
        whole.value("dataGb") * share, whole.value("growthGbPerMonth") * share, s.latencyP99Ms(), s.availability(),
        regions, assumed, s.multiRegionWrites());
    List<Event> events = r.events().stream().map(e -> e.ratePerSecond() == null ? e
        : new Event(e.name(), e.description(), e.fields(), e.ratePerSecond() * share)).toList();
    return new Requirements(r.formatVersion(), r.project(), cell, r.compliance(), r.security(), r.services(),
        r.entities(), events, r.decisions(), r.decisionLocations(), r.entityLocations(), r.blueprint(), r.places(),
        r.dataResidency());
  }
}
