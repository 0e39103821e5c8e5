package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.ArchitectureView.Flow;
import dev.archforge.deliverable.architecture.SequenceDiagram.Arrow;
import dev.archforge.facts.Naming;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.model.Entity;
import dev.archforge.model.Operation;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence diagram per domain operation that emits an event: the state check and the change in
 * one transaction, with the event in the outbox when the plan has one (or published after commit
 * when it has not), then the relay to the broker, as the event's own flow shows.
 */
final class OperationFlows {
  private static final String CLIENT = "act_client";

  private OperationFlows() {}

  static List<Flow> of(Requirements r, Topology t, DomainOperations domain) {
    List<Flow> list = new ArrayList<>();
    for (Service s : r.services()) {
      for (DomainOperation op : domain.of(r, s)) {
        if (op.operation().emits() != null) {
          list.add(new Flow(op.operationId(), "POST " + op.path() + " in " + s.name() + " publishes "
              + op.operation().emits() + " when it succeeds (" + String.join(", ", op.roles()) + ").",
              diagram(t, s, op).text()));
        }
      }
    }
    return list;
  }

  static SequenceDiagram diagram(Topology t, Service s, DomainOperation op) {
    Operation o = op.operation();
    Entity e = op.entity();
    boolean relay = t.outbox() || t.eventSourcing();
    String svc = EventFlows.id(s);
    String db = MermaidText.id("db", t.monolith() ? t.deployable() : s.name());
    SequenceDiagram d = new SequenceDiagram()
        .actor(CLIENT, String.join(" or ", op.roles()))
        .participant(svc, t.monolith() ? s.name() + " module" : s.name())
        .participant(db, (t.monolith() ? t.deployable() : s.name()) + " database");
    if (relay) {
      d.participant(EventFlows.RELAY, t.broker() ? "Outbox relay" : "Event dispatcher (outbox)");
    }
    if (t.broker()) {
      d.participant(EventFlows.BROKER, ManagedServices.broker(t.messaging(), t.cloud()));
    }
    d.message(CLIENT, Arrow.CALL, svc, "POST " + op.path() + " with an Idempotency-Key");
    String table = SqlNames.table(e.name());
    if (o.onCollection()) {
      d.message(svc, Arrow.CALL, db, "insert into " + table + stateClause(e, o));
    } else {
      d.message(svc, Arrow.CALL, db, "update " + table + " where id matches" + (o.from().isEmpty() ? ""
          : " and " + SqlNames.column(e.states()) + " is " + String.join(" or ", o.from())) + stateClause(e, o));
      if (!o.from().isEmpty()) {
        d.open("alt", "no row changed");
        d.message(svc, Arrow.REPLY, CLIENT, "409 problem: the " + Naming.prose(e.name()) + " is in another state");
        d.otherwise("changed");
      }
    }
    String event = o.emits();
    if (relay) {
      d.message(svc, Arrow.CALL, db, "insert " + event + " into " + (t.eventTable() == null ? "the outbox table"
          : t.eventTable()) + ", same transaction");
    }
    d.message(svc, Arrow.CALL, db, "commit");
    d.message(svc, Arrow.REPLY, CLIENT, o.onCollection() ? "201 with the new " + Naming.prose(e.name())
        : "200 with the " + Naming.prose(e.name()));
    if (!o.onCollection() && !o.from().isEmpty()) {
      d.end();
    }
    if (relay && t.broker()) {
      d.message(EventFlows.RELAY, Arrow.CALL, EventFlows.BROKER, "publish " + event);
    } else if (relay) {
      d.note(EventFlows.RELAY, EventFlows.RELAY, "Delivers " + event + " to its consumers after commit.");
    } else if (t.broker()) {
      d.message(svc, Arrow.CALL, EventFlows.BROKER, "publish " + event + " after commit");
    } else {
      d.note(svc, svc, "Consumers of " + event + " are notified directly after commit.");
    }
    return d;
  }

  private static String stateClause(Entity e, Operation o) {
    return o.to() == null || e.states() == null ? "" : ", " + SqlNames.column(e.states()) + " = " + o.to();
  }
}
