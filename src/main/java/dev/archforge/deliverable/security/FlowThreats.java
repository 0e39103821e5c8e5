package dev.archforge.deliverable.security;

import dev.archforge.facts.schema.MessageTables;
import dev.archforge.deliverable.security.SystemComponents.CallEdge;
import dev.archforge.deliverable.security.SystemComponents.EventFlow;
import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.AlertNames;
import dev.archforge.facts.Naming;
import dev.archforge.model.Field;
import dev.archforge.model.Service;
import java.util.List;

/** STRIDE for the data flows: every {@code calls} edge and every event flow. */
final class FlowThreats {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final Where where;

  FlowThreats(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.where = facts.where();
  }

  List<Element> calls() {
    return sys.calls().stream().map(this::call).toList();
  }

  List<Element> events() {
    return sys.events().stream().map(this::event).toList();
  }

  private Element call(CallEdge c) {
    String from = c.from().name();
    String to = c.to().name();
    boolean local = sys.monolith();
    return new Stride()
        .spoofing(local ? "Code outside the " + from + " module calls " + to + "'s internals directly."
                : "A workload other than " + from + " calls " + to + ".",
            local ? "The call stays in the " + Md.code(sys.deployable()) + " process and goes only through " + to
                + "'s module API; architecture tests reject other dependencies."
                : "Mutual TLS between workload identities; " + to + " admits the identity of " + from
                    + " for this call.",
            local ? where.decision("architecture-style") : where.network(from, to) + "; "
                + where.section(Where.SERVICE_IDENTITY), Risk.LOW)
        .tampering(local ? "Nothing crosses a network: the call is in-process." : "The call is altered in transit.",
            local ? "No wire to protect; the module API validates its arguments." : "The mutual-TLS channel "
                + "protects integrity; " + to + " validates the request against its contract.",
            where.contract(c.to()), Risk.LOW)
        .repudiation("A change made through the call cannot be traced to the user who caused it.",
            "The trace context (W3C `traceparent`) and the user's subject travel with the call; both services log "
                + "them.", where.section(Where.LOGGING), Risk.LOW)
        .disclosure("The answer carries more than the user behind " + from + " may see.",
            to + " authorizes the user's credential forwarded by " + from + " and answers only what that user may "
                + "read.", where.authz(c.to()), Risk.MEDIUM)
        .denial("A slow or failing " + to + " ties up " + from + " (cascading failure).",
            "A timeout on every call, retries with backoff on idempotent calls only, and a circuit breaker.",
            where.decision("resilience") + "; " + where.alert(AlertNames.errorRate(sys.deployableOf(c.to())),
                "the error rate of " + to), Risk.LOW)
        .elevation("Confused deputy: " + from + " uses its own rights to do what its caller may not.",
            "The call carries the end user's credential; " + to + " decides on the user, and the workload identity "
                + "only proves the caller is " + from + ".", where.authz(c.to()), Risk.LOW)
        .element(c.label(), "synchronous call", Md.code(from) + " calls " + Md.code(to) + " by " + sys.protocol(
            c.to()) + ".");
  }

  private Element event(EventFlow e) {
    String name = e.event().name();
    String publishers = Md.codes(e.publishers().stream().map(Service::name).toList());
    String consumers = Md.codes(e.consumers().stream().map(Service::name).toList());
    String channel = sys.hasBroker() ? (sys.messaging().equals("rabbitmq") ? "exchange " : "topic ")
        + Md.code(Naming.kebab(name)) + " on " + sys.broker()
        : sys.monolith() ? "in-process dispatch after commit" : "the publisher's outbox relay over mutual TLS";
    List<String> classified = f.data().eventFieldsOf(name).orElse(List.of());
    String consistency = f.choice("consistency", "local-transactions");
    boolean lossy = sys.hasBroker() && consistency.equals("local-transactions");
    String firstConsumer = e.consumers().isEmpty() ? null : e.consumers().get(0).name();
    return new Stride()
        .spoofing("A forged " + name + " event is injected.",
            sys.hasBroker() ? "Only " + publishers + " may write the " + (sys.messaging().equals("rabbitmq")
                ? "exchange" : "topic") + "; every other credential is refused by the broker's ACLs."
                : sys.monolith() ? "Events are dispatched inside the " + Md.code(sys.deployable()) + " process; "
                    + "nothing outside it can inject one." : "Consumers admit only the publisher's workload identity.",
            sys.hasBroker() ? where.section(Where.SECRETS) : where.section(Where.SERVICE_IDENTITY), Risk.LOW)
        .tampering("An event is altered, duplicated or replayed.",
            "Consumers validate the payload, record each event id in the same transaction as its effect and skip "
                + "ids they have seen.", Where.team("each consumer skips the ids in its table " + Md.code(MessageTables.PROCESSED)), Risk.LOW)
        .repudiation("The change and its event diverge: one is recorded, the other lost.",
            lossy ? "The event is published after commit without an outbox: a crash in between loses it; the trace "
                + "id links what was sent." : "The event commits in the same transaction as the change and is "
                + "relayed after commit; its id ties the two.",
            where.decision("consistency"), lossy ? Risk.MEDIUM : Risk.LOW)
        .disclosure("The payload reaches consumers that should not see parts of it.",
            classified.isEmpty() ? "No field of " + name + " is marked pii or secret."
                : (classified.size() == 1 ? "Field " + Md.codes(classified) + " is" : "Fields " + Md.codes(classified)
                    + " are") + " personal: only " + consumers + " may read the payload, and it is not logged.",
            where.section(Where.CLASSIFICATION), classified.isEmpty() ? Risk.LOW : Risk.MEDIUM)
        .denial("A poison event blocks its consumers, or a burst outruns them.",
            e.consumers().isEmpty() ? "No service consumes it yet; it stays within its retention."
                : sys.hasBroker() ? "Retries with backoff, then a dead-letter queue per consumer; lag is alerted on."
                : "A handler that keeps failing leaves the event unfinished in the table "
                    + Md.code(MessageTables.PUBLICATION) + " for a later retry; "
                    + "errors are alerted on.",
            firstConsumer == null ? where.section(Where.VALIDATION) : where.alert(sys.hasBroker()
                && AlertNames.watchesLag(sys.messaging(), sys.cloud())
                ? AlertNames.consumerLag(firstConsumer) : AlertNames.errorRate(sys.deployableOf(e.consumers().get(0))),
                "consumer lag of " + firstConsumer), Risk.LOW)
        .elevation("A consumer treats the event as a command and acts beyond its own domain.",
            "Events state facts; each consumer changes only the entities it owns.",
            where.decision("architecture-style"), Risk.LOW)
        .element("event " + name, "event flow", publishers + " → " + channel + " → " + (e.consumers().isEmpty()
            ? "no consumer yet" : consumers) + "; payload " + Md.codes(e.event().fields().stream().map(Field::name)
            .toList()) + ".");
  }
}
