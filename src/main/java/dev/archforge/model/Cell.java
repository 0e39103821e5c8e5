package dev.archforge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One jurisdiction's copy of the whole system: its services, databases, caches and brokers run in
 * its serving regions only, and its backups and standby go to its recovery region, which lies in
 * the same jurisdiction. Nothing of a cell's data is replicated to another cell.
 *
 * @param jurisdiction the spelling of the jurisdiction ({@code eu}), or the blueprint's home
 *     jurisdiction for a system without {@code dataResidency}
 * @param serving the regions that serve traffic, the first being the primary
 * @param recovery the region backups are copied to and a standby waits in; empty when the
 *     jurisdiction has no region besides the serving ones
 */
public record Cell(String jurisdiction, List<String> serving, Optional<String> recovery) {
  public Cell {
    serving = List.copyOf(serving);
  }

  /** The first serving region; empty when the plan has no region table. */
  public Optional<String> primary() {
    return serving.stream().findFirst();
  }

  /** Every region this cell's data may be in: the serving regions, then the recovery region. */
  public List<String> regions() {
    List<String> all = new ArrayList<>(serving);
    recovery.filter(r -> !all.contains(r)).ifPresent(all::add);
    return List.copyOf(all);
  }
}
