package dev.archforge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the system runs: a cell per jurisdiction of {@code dataResidency}, or one cell in the
 * blueprint's home jurisdiction without it. Each cell serves from
 * {@code max(1, ⌈scale.regions / cells⌉)} of its jurisdiction's regions (at most as many as the
 * table lists), so the regions serving traffic add up to about {@code scale.regions}. Every
 * artifact that names a region renders it from here. A cell's recovery region, where its backups
 * are copied, is the next region of the table; on a cloud that fixes it (Azure copies a database's
 * geo-redundant backups to its region's pair) the primary's pair, if the table lists that pair for
 * the jurisdiction, else none: the copy would leave the jurisdiction.
 *
 * @param residency whether {@code dataResidency} binds the data to the cells' jurisdictions
 * @param naming the cloud whose region names are used ({@code aws} stands in for {@code any})
 * @param cells one per jurisdiction, in the order of the requirements
 */
public record Cells(boolean residency, String naming, List<Cell> cells) {
  public Cells {
    cells = List.copyOf(cells);
  }

  /** The cells of these requirements on this table. */
  public static Cells of(Requirements r, RegionTable table) {
    boolean residency = !r.dataResidency().isEmpty();
    List<String> jurisdictions = residency ? r.dataResidency().stream().map(Jurisdiction::spelling).toList()
        : table.home() == null ? List.of() : List.of(table.home());
    int perCell = Math.max(1, (int) Math.ceil(r.scale().regions() / (double) Math.max(1, jurisdictions.size())));
    List<Cell> cells = new ArrayList<>();
    for (String j : jurisdictions) {
      List<String> all = table.of(j, r.project().cloud());
      List<String> serving = all.subList(0, Math.min(perCell, all.size()));
      Optional<String> recovery = table.fixesBackupRegion(r.project().cloud())
          ? serving.stream().findFirst().flatMap(p -> table.pair(r.project().cloud(), p)).filter(all::contains)
          : all.size() > serving.size() ? Optional.of(all.get(serving.size()))
          : serving.size() > 1 ? Optional.of(serving.get(1)) : Optional.empty();
      cells.add(new Cell(j, serving, recovery));
    }
    return new Cells(residency, RegionTable.naming(r.project().cloud()), cells);
  }

  /** The regions that serve traffic per cell (the largest cell's count). */
  public int servingPerCell() {
    return cells.stream().mapToInt(c -> c.serving().size()).max().orElse(0);
  }

  /** The home cell's primary region, where a system-wide setting (a secret store, a broker) names one. */
  public Optional<String> primaryRegion() {
    return cells.stream().findFirst().flatMap(Cell::primary);
  }

  /**
   * Under {@code dataResidency}, the folder below a runtime's folder of deploy/ whose files dev and
   * staging run ({@code prod-<home cell>}: the deploy jobs apply them and infra/'s dev and staging roots
   * read them); empty without residency (deploy/'s own files).
   */
  public String testFolder() {
    return residency && !cells.isEmpty() ? "prod-" + cells.get(0).jurisdiction() : "";
  }

  public Optional<Cell> cell(String jurisdiction) {
    return cells.stream().filter(c -> c.jurisdiction().equals(jurisdiction)).findFirst();
  }
}
