package dev.archforge.deliverable.capacity;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.CellView;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.model.CellEstimate;
import dev.archforge.model.Digits;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Jurisdiction;
import dev.archforge.model.Plan;
import dev.archforge.model.Spelled;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code CAPACITY.md}: the capacity arithmetic and the cost estimate, every number with its formula. */
public final class CapacityDeliverable implements Deliverable {
  @Override
  public String id() {
    return "capacity";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && plan.cost() != null;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    return List.of(new Artifact(Layout.CAPACITY, renderer.render("capacity/CAPACITY.md.ftl", view(plan)),
        Artifact.Kind.MARKDOWN));
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new DataStaysInCell(), new ReplicaFloorHolds());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(Layout.CAPACITY, "capacity and cost arithmetic, every number with its formula", ContentsEntry.Group.DOCUMENT,
        plan.blueprint().deliverables().indexOf(id())));
  }

  static CapacityView view(Plan plan) {
    Map<String, List<CapacityView.FigureRow>> sections = new LinkedHashMap<>();
    for (Figure f : plan.capacity().figures()) {
      sections.computeIfAbsent(heading(f.key()), k -> new ArrayList<>()).add(row(f));
    }
    List<CapacityView.Section> list = sections.entrySet().stream()
        .map(e -> new CapacityView.Section(e.getKey(), e.getValue())).toList();
    var cost = plan.cost();
    List<CapacityView.CloudTotal> byCloud = cost.byCloud().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new CapacityView.CloudTotal(e.getKey(), dollars(e.getValue()), e.getKey().equals(cost.cloud())))
        .toList();
    return new CapacityView(plan.requirements().project().displayTitle(), list, plan.capacity().services(),
        plan.capacity().poolerNeeded(), cost, byCloud, plan.capacity().assumptions(), plan.openQuestions(),
        cost.byDeployment().entrySet().stream().map(e -> new CapacityView.CloudTotal(e.getKey(),
            dollars(e.getValue()), e.getKey().equals(plan.choice("deployment")))).toList(), plan.cells().residency(),
        CellView.of(plan), cellBills(plan));
  }

  /**
   * Each residency cell's share, figures, pods and bill; a figure the requirements give is the system's × share.
   * The connections at the autoscaling maximum are left out: every cell runs the whole system's bounds.
   */
  static List<CapacityView.CellBill> cellBills(Plan plan) {
    List<CapacityView.CellBill> bills = new ArrayList<>();
    for (CellEstimate cell : plan.cost().cells()) {
      String share = Driver.number(cell.share());
      List<CapacityView.FigureRow> rows = new ArrayList<>();
      for (Figure f : cell.capacity().figures()) {
        if (heading(f.key()).equals("Database connections")) {
          continue;
        }
        Figure whole = plan.capacity().figure(f.key()).orElse(null);
        boolean scaled = whole != null && (f.formula().endsWith("(given)") || f.formula().endsWith("(assumed)"));
        rows.add(row(scaled ? new Figure(f.key(), f.label(), f.value(), f.unit(), f.key() + " of the system × share",
            List.of(new Driver(f.key(), whole.value()), new Driver("share", cell.share()))) : f));
      }
      String title = plan.cells().cell(cell.jurisdiction()).flatMap(c -> Spelled.parse(Jurisdiction.class,
          c.jurisdiction())).map(Jurisdiction::title).orElse(cell.jurisdiction());
      bills.add(new CapacityView.CellBill(cell.jurisdiction(), title, share, cell.shareBasis(), rows,
          cell.capacity().services(), cell.items(), dollars(cell.totalUsd())));
    }
    return bills;
  }

  static CapacityView.FigureRow row(Figure f) {
    return new CapacityView.FigureRow(f, f.shown(),
        String.join(", ", f.inputs().stream().map(Driver::toString).toList()));
  }

  static String heading(String key) {
    if (key.startsWith("db.") || key.contains("onnection")) {
      return "Database connections";
    }
    if (key.startsWith("partitions")) {
      return "Broker partitions";
    }
    if (key.startsWith("cache")) {
      return "Cache";
    }
    if (key.contains("Gb") || key.contains("storage")) {
      return "Storage";
    }
    return "Traffic";
  }

  /** {@code 12345.6} → {@code 12,346}. */
  public static String dollars(double usd) {
    return Digits.grouped(Math.round(usd));
  }
}
