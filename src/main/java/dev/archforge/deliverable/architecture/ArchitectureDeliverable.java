package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.architecture.ArchitectureView.DataModel;
import dev.archforge.deliverable.architecture.ArchitectureView.Flow;
import dev.archforge.deliverable.architecture.ArchitectureView.Link;
import dev.archforge.deliverable.architecture.ArchitectureView.Ownership;
import dev.archforge.deliverable.architecture.ArchitectureView.ServiceRow;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.schema.Schemas;
import dev.archforge.model.Artifact;
import dev.archforge.facts.AccessRules;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.model.Event;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code ARCHITECTURE.md}: the chosen style and main choices, C4 context and container diagrams,
 * the services, data ownership with an ERD per service, and the sync and async interactions as
 * sequence diagrams. Every diagram is built in Java (see {@link C4Diagram}, {@link ErDiagram},
 * {@link SequenceDiagram}) and printed by the template as it is.
 */
public final class ArchitectureDeliverable implements Deliverable {
  static final String FILE = Layout.ARCHITECTURE;

  @Override
  public String id() {
    return "architecture";
  }

  @Override
  public boolean supports(Facts facts) {
    return true;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    return List.of(new Artifact(FILE, renderer.render("architecture/ARCHITECTURE.md.ftl",
        view(plan, facts.decisionLog()::currentFile)),
        Artifact.Kind.MARKDOWN));
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(FILE, "architecture overview with C4, ER and sequence diagrams",
        ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }

  /** @param recordFile the decision record in force for a topic, e.g. {@code 0018-caching.md} */
  static ArchitectureView view(Plan plan, UnaryOperator<String> recordFile) {
    Requirements r = plan.requirements();
    Topology t = Topology.of(plan);
    int stringMaxLength = plan.blueprint() == null || plan.blueprint().defaults() == null ? 255
        : plan.blueprint().defaults().stringMaxLength();
    List<DataModel> models = new ArrayList<>();
    Schemas schemas = new Schemas(plan);
    for (Service s : t.withData(r.services())) {
      EntityDiagrams.Erd erd = EntityDiagrams.of(plan, schemas, s, t.monolith());
      models.add(new DataModel(s.name(), storage(s, t), erd.diagram().text(), erd.notes()));
    }
    List<Flow> eventFlows = new ArrayList<>();
    List<String> unflowed = new ArrayList<>();
    List<String> asyncEvents = new ArrayList<>();
    for (Event e : r.events()) {
      List<String> publishers = names(EventFlows.publishers(r, e));
      List<String> consumers = names(EventFlows.consumers(r, e));
      if (publishers.isEmpty()) {
        unflowed.add(e.name() + (consumers.isEmpty() ? " is declared, but no service publishes or consumes it."
            : " is consumed by " + String.join(", ", consumers) + ", but no service publishes it."));
        continue;
      }
      String to = consumers.isEmpty() ? "no consumer yet" : String.join(", ", consumers);
      asyncEvents.add(e.name() + ": " + String.join(", ", publishers) + " → " + to);
      String summary = String.join(" and ", publishers) + " publish" + (publishers.size() == 1 ? "es" : "")
          + (consumers.isEmpty() ? "; no service consumes it yet." : "; consumed by " + to + ".")
          + (e.description() == null ? "" : " " + e.description());
      eventFlows.add(new Flow(e.name(), summary, EventFlows.of(r, t, e).text()));
    }
    List<String> syncCalls = new ArrayList<>();
    r.services().forEach(s -> s.calls().forEach(c ->
        syncCalls.add(s.name() + " → " + c + " (" + t.protocol(r.service(c).orElseThrow()) + ")")));
    List<Flow> callChains = CallChains.starts(r).stream().map(s -> new Flow("Request to " + s.name(),
        "A client's request to " + s.name() + " and the synchronous calls it makes, depth first.",
        CallChains.of(plan, t, s).text())).toList();
    return new ArchitectureView(r.project().displayTitle(), r.project().name(), r.project().description(),
        Overview.style(t), Overview.of(plan, t, recordFile), C4Diagrams.context(plan, t).text(),
        C4Diagrams.container(plan, t).text(), r.services().stream().map(s -> row(plan, t, s)).toList(),
        sizing(plan, t), r.services().stream().map(s -> new Ownership(s.name(), s.entities().isEmpty() ? "—"
            : String.join(", ", s.entities()), s.entities().isEmpty() ? "owns no data" : storage(s, t))).toList(),
        models, syncCalls, asyncEvents, eventFlows, unflowed, callChains,
        List.of(new Link("Capacity and sizing", "CAPACITY.md"), new Link("Decision records", "decisions/README.md")),
        StateMachines.of(r), OperationFlows.of(r, t, new DomainOperations(AccessRules.of(plan))));
  }

  private static ServiceRow row(Plan plan, Topology t, Service s) {
    String sizing = t.monolith() ? "module of " + t.deployable()
        : sizing(plan, s.name()).map(z -> z.hpaMin() + "–" + z.hpaMax() + " pods").orElse("—");
    return new ServiceRow(s.name(), s.description() == null ? "—" : s.description(),
        Deployables.languageOf(plan, s).spelling(),
        s.api().spelling(), s.exposure().spelling(), dash(s.entities()), dash(s.publishes()), dash(s.consumes()),
        dash(s.calls()), sizing);
  }

  private static String sizing(Plan plan, Topology t) {
    if (!t.monolith()) {
      return null;
    }
    return sizing(plan, t.deployable()).map(z -> "The one deployable, " + t.deployable() + ", runs " + z.hpaMin()
        + " to " + z.hpaMax() + " instances (autoscaling bounds; see CAPACITY.md).").orElse(null);
  }

  private static Optional<ServiceSizing> sizing(Plan plan, String name) {
    return plan.capacity() == null ? Optional.empty() : plan.capacity().service(name);
  }

  private static String storage(Service s, Topology t) {
    return t.monolith() ? "schema " + s.name() + " in the " + t.deployable() + " database"
        : s.name() + " database (" + ManagedServices.managedDatabase(t.database(), t.cloud()) + ")";
  }

  private static List<String> names(List<Service> services) {
    return services.stream().map(Service::name).toList();
  }

  private static String dash(List<String> names) {
    return names.isEmpty() ? "—" : String.join(", ", names);
  }
}
