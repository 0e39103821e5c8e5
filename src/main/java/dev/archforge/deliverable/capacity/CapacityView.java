package dev.archforge.deliverable.capacity;

import dev.archforge.facts.CellView;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.CostItem;
import dev.archforge.model.Figure;
import dev.archforge.model.ServiceSizing;
import java.util.List;

/**
 * What CAPACITY.md shows: figures by section, each with its formula and inputs; the sizing per
 * deployable; the cost estimate; the assumptions behind all of it; and the cells the system runs
 * in, {@code residency} when {@code dataResidency} binds each to its jurisdiction, and then each
 * cell's share, sizing and bill.
 */
public record CapacityView(
    String title,
    List<Section> sections,
    List<ServiceSizing> services,
    boolean poolerNeeded,
    CostEstimate cost,
    List<CloudTotal> byCloud,
    List<String> assumptions,
    List<String> openQuestions,
    List<CloudTotal> byDeployment,
    boolean residency,
    List<CellView> cells,
    List<CellBill> cellBills) {
  public CapacityView {
    cellBills = List.copyOf(cellBills);
    byDeployment = List.copyOf(byDeployment);
    openQuestions = List.copyOf(openQuestions);
    cells = List.copyOf(cells);
    sections = List.copyOf(sections);
    services = List.copyOf(services);
    byCloud = List.copyOf(byCloud);
    assumptions = List.copyOf(assumptions);
  }

  /** A group of figures under one heading. */
  public record Section(String heading, List<FigureRow> figures) {
    public Section {
      figures = List.copyOf(figures);
    }
  }

  /** A figure with its value and inputs ready to print. */
  public record FigureRow(Figure figure, String value, String inputs) {}

  /** The estimate's total on one cloud (or under one deployment option), rounded to dollars. */
  public record CloudTotal(String cloud, String monthlyUsd, boolean chosen) {}

  /**
   * One residency cell's part: its share and where it comes from, its figures, its sizing per
   * deployable and its bill.
   */
  public record CellBill(String jurisdiction, String title, String share, String basis, List<FigureRow> figures,
      List<ServiceSizing> services, List<CostItem> items, String totalUsd) {
    public CellBill {
      figures = List.copyOf(figures);
      services = List.copyOf(services);
      items = List.copyOf(items);
    }
  }
}
