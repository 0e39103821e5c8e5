package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.SystemComponents.EventFlow;
import dev.archforge.deliverable.security.SystemComponents.Store;
import dev.archforge.deliverable.security.ThreatModelView.ComponentRow;
import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.FlowRow;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Section;
import dev.archforge.model.Entity;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/** Assembles THREAT-MODEL.md: the inventory of components and flows, then STRIDE per element. */
final class ThreatModelBuilder {
  private ThreatModelBuilder() {}

  static ThreatModelView build(SecurityFacts f) {
    SystemComponents sys = f.system();
    EntryThreats entries = new EntryThreats(f);
    FlowThreats flows = new FlowThreats(f);
    List<Section> sections = new ArrayList<>();
    List<Element> entryElements = entries.elements();
    String entryIntro = sys.publicServices().isEmpty() ? "No service is public: every caller is inside the network, "
        + "so the services below are the only entry points" + (entryElements.isEmpty() ? "." : "; here is the "
        + "identity system callers rely on.") : "Where requests from outside the system arrive, and the identity "
        + "system they rely on.";
    sections.add(new Section("Entry points", entryIntro, entryElements));
    sections.add(new Section(sys.monolith() ? "Modules" : "Services", sys.monolith() ? "The services of the "
        + "requirements are modules of the one deployable " + Md.code(sys.deployable()) + "."
        : "Each service is a deployable of its own.", new ServiceThreats(f).elements()));
    List<Element> operations = new OperationThreats(f).elements();
    if (!operations.isEmpty()) {
      sections.add(new Section("Domain operations", "Each operation that changes an entity's state: a point where "
          + "a client could force a state (tampering) and where a person could deny having acted (repudiation).",
          operations));
    }
    sections.add(new Section("Data stores", "Where the system keeps data"
        + (sys.hasBroker() ? " and carries events" : "") + ".", new DataThreats(f).elements()));
    new ResidencyControls(f).threats().ifPresent(sections::add);
    sections.add(new Section("Synchronous calls", sys.calls().isEmpty() ? "No service calls another."
        : "Each edge of `calls` in the requirements.", flows.calls()));
    sections.add(new Section("Event flows", sys.events().isEmpty() ? "No event is published or consumed."
        : "Each event, from its publishers to its consumers.", flows.events()));
    List<String> high = new ArrayList<>();
    for (Section s : sections) {
      for (Element e : s.elements()) {
        e.threats().stream().filter(t -> t.residual() == Risk.HIGH).forEach(t -> high.add(e.name() + ": "
            + t.category()));
      }
    }
    return new ThreatModelView(f.plan().requirements().project().displayTitle(), architecture(sys),
        components(sys, entryElements), flows(sys), sections, high, OpenRisks.of(f.access()));
  }

  private static String architecture(SystemComponents sys) {
    if (sys.monolith()) {
      return "a modular monolith: one deployable, `" + sys.deployable() + "`, with " + sys.services().size()
          + " module(s)";
    }
    return sys.services().size() + " independently deployed service(s)";
  }

  private static List<ComponentRow> components(SystemComponents sys, List<Element> entries) {
    List<ComponentRow> rows = new ArrayList<>();
    entries.forEach(e -> rows.add(new ComponentRow(e.name(), e.kind(),
        e.kind().equals("external dependency") ? "outside the system" : "edge", "—")));
    for (Service s : sys.services()) {
      rows.add(new ComponentRow(sys.unit(s).substring(4), s.api().spelling() + " " + (sys.monolith() ? "module"
          : "service"), s.isPublic() ? "public" : "internal",
          s.entities().isEmpty() ? "—" : String.join(", ", s.entities())));
    }
    for (Store d : sys.databases()) {
      rows.add(new ComponentRow(d.name(), "database (" + sys.database() + ")", "data",
          String.join(", ", d.entities().stream().map(Entity::name).toList())));
    }
    if (sys.hasCache()) {
      rows.add(new ComponentRow("Redis cache", "cache", "data", "copies of hot reads"));
    }
    if (sys.hasBroker()) {
      rows.add(new ComponentRow(sys.broker() + " broker", "broker", "data",
          String.join(", ", sys.events().stream().map(e -> e.event().name()).toList())));
    }
    return rows;
  }

  private static List<FlowRow> flows(SystemComponents sys) {
    List<FlowRow> rows = new ArrayList<>();
    String edge = sys.hasGateway() ? "API gateway" : "load balancer";
    for (Service s : sys.publicServices()) {
      rows.add(new FlowRow("clients → " + s.name(), "clients on the internet", s.name(), "API requests",
          "HTTPS through the " + edge));
    }
    for (Service s : sys.services()) {
      sys.storeOf(s).ifPresent(d -> rows.add(new FlowRow(s.name() + " → " + d.name(), s.name(), d.name(),
          "reads and writes of " + String.join(", ", s.entities()), "database protocol over TLS")));
    }
    sys.calls().forEach(c -> rows.add(new FlowRow(c.label(), c.from().name(), c.to().name(), "requests and "
        + "answers", sys.protocol(c.to()))));
    for (EventFlow e : sys.events()) {
      rows.add(new FlowRow("event " + e.event().name(), names(e.publishers()), names(e.consumers()),
          e.event().name(), sys.hasBroker() ? sys.broker() : sys.monolith() ? "in-process after commit"
              : "outbox relay over mutual TLS"));
    }
    return rows;
  }

  private static String names(List<Service> services) {
    return services.isEmpty() ? "none" : String.join(", ", services.stream().map(Service::name).toList());
  }
}
