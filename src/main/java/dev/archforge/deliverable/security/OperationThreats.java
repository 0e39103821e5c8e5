package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.model.Entity;
import dev.archforge.model.Operation;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * STRIDE for each domain operation: a state change a role may make, so a point where a state can be
 * forced (tampering) and where a person can deny having acted (repudiation).
 */
final class OperationThreats {
  private final SecurityFacts f;
  private final Where where;

  OperationThreats(SecurityFacts facts) {
    this.f = facts;
    this.where = facts.where();
  }

  List<Element> elements() {
    DomainOperations domain = new DomainOperations(f.access());
    List<Element> list = new ArrayList<>();
    for (Service s : f.system().services()) {
      domain.of(f.plan().requirements(), s).forEach(op -> list.add(element(s, op)));
    }
    return list;
  }

  private Element element(Service s, DomainOperation op) {
    Operation o = op.operation();
    Entity entity = op.entity();
    String one = Naming.prose(entity.name());
    String roles = Md.codes(op.roles());
    String state = entity.states() == null ? null : Md.code(entity.states());
    String change = o.onCollection() ? "creates the " + one + (o.to() == null || state == null ? ""
        : " in " + Md.code(o.to())) + " in one transaction"
        : (o.from().isEmpty() ? "applies the operation" : "moves the " + one + " only from " + Md.codes(o.from()))
            + (o.to() == null || state == null ? "" : " to " + Md.code(o.to()))
            + " in one transaction with a conditional update" + (o.from().isEmpty() ? "" : " (`WHERE id = ? AND "
            + SqlNames.column(entity.states()) + " IN (...)`), answering 409 when no row matches");
    String tampering = (state == null ? "" : state + " is read-only in every contract and in no create or update "
        + "body; ") + "the service " + change + (state == null ? "." : "; the column's CHECK keeps it to the "
        + "enum's values.");
    String repudiation = "Each call is written to the audit log with the caller, the operation, the " + one
        + "'s id, " + (state == null ? "" : "the states before and after, ") + "the idempotency key and the time"
        + (entity.audit() ? "; `updatedAt` changes with it" : "")
        + (o.emits() != null ? "; the event " + Md.code(o.emits()) + " records it for every consumer." : ".");
    return new Stride()
        .spoofing("A caller without credentials calls " + Md.code(op.operationId()) + ".",
            "Credentials are checked on every call (" + f.system().authentication() + ").", where.contract(s),
            f.authenticated() ? Risk.LOW : Risk.HIGH)
        .tampering("A client forces a state the workflow does not allow: it writes " + (state == null ? "the "
            + one : state) + " directly, or " + (o.onCollection() ? "creates a " + one + " in another state."
            : "calls " + Md.code(o.name()) + " on a " + one + " in a state it does not start from."),
            tampering, where.contract(s) + "; " + where.migrations("CHECK on " + (state == null ? "the columns"
                : state)), Risk.LOW)
        .repudiation("A " + String.join(" or ", op.roles()) + " denies having called " + Md.code(o.name())
            + " on " + Sentences.article(one) + ".", repudiation,
            where.section(Where.LOGGING), Risk.LOW)
        .disclosure("The answer shows a " + one + " to a caller who may not read it.",
            "Only " + roles + " may call it, and the answer holds only what they may read.", where.authz(s), Risk.LOW)
        .denial("Retries or a flood of calls repeat the change.", "The idempotency key makes a retry return the "
            + "first answer; the rate limit holds back a flood.", where.contract(s), Risk.LOW)
        .elevation("A role that may only read " + Md.code(entity.name()) + " performs " + Md.code(o.name()) + ".",
            "The operation has its own scope " + Md.code(op.scope()) + " and only " + roles + " hold it.",
            where.authz(s), f.authenticated() ? Risk.LOW : Risk.HIGH)
        .element(op.operationId() + " (" + s.name() + ")", "domain operation",
            "POST " + Md.code(op.path()) + (state == null || o.to() == null ? "" : o.onCollection()
                ? ", creates " + Sentences.article(one) + " in " + Md.code(o.to())
                : ", " + (o.from().isEmpty() ? "any state" : Md.codes(o.from())) + " → " + Md.code(o.to()))
                + (o.emits() == null ? "" : ", publishes " + Md.code(o.emits())) + ".");
  }
}
