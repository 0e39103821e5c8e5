package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.deliverable.security.ComplianceView.Row;
import dev.archforge.model.Entity;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GDPR and PCI DSS sections of COMPLIANCE.md, from this plan's data and decisions. */
final class PrivacyRegimes {
  private final SecurityFacts f;
  private final Where where;

  PrivacyRegimes(SecurityFacts facts) {
    this.f = facts;
    this.where = facts.where();
  }

  private List<String> personalEntities() {
    return f.data().entityFields().stream().filter(SecurityView.FieldRow::pii).map(SecurityView.FieldRow::entity)
        .distinct().toList();
  }

  List<Row> gdpr() {
    List<String> entities = personalEntities();
    List<String> softDeleted = f.plan().requirements().entities().stream()
        .filter(e -> e.softDelete() && entities.contains(e.name())).map(Entity::name).toList();
    List<String> events = f.data().eventFields().stream().map(SecurityView.EventRow::event).distinct().toList();
    List<String> deletes = f.matrix().services().stream().flatMap(m -> m.rows().stream())
        .filter(r -> r.method().equals("DELETE") && entities.contains(r.entity())).map(r -> r.operationId())
        .toList();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Art. 5(1)(c)", "Data minimisation", Status.SPECIFIED, entities.isEmpty()
        ? "no field is marked pii; mark personal fields in the requirements so they are protected"
        : "personal data is confined to " + Md.codes(entities) + (events.isEmpty() ? "" : " and the events "
            + Md.codes(events)) + ": " + where.section(Where.CLASSIFICATION)));
    rows.add(new Row("Art. 5(1)(e)", "Storage limitation", Status.TEAM, "team: a retention period per personal "
        + "field and a scheduled deletion job" + (f.system().hasBroker() ? "; event retention on " + f.system().broker()
        + " is 7 days" : "")));
    rows.add(new Row("Art. 15, 20", "Access and portability", entities.isEmpty() ? Status.SPECIFIED : Status.TEAM,
        "the read operations in " + Where.doc("AUTHZ-MATRIX.md") + " return a person's records; team: an export "
            + "that gathers them across " + Md.codes(owners(entities))));
    rows.add(new Row("Art. 17", "Erasure", Status.TEAM, erasure(deletes, softDeleted, events)));
    rows.add(new Row("Art. 25", "Data protection by design", f.data().fieldLevelPii() ? Status.MET : Status.SPECIFIED,
        "data-protection " + Md.code(f.data().protection()) + " (" + where.decision("data-protection") + "); "
            + where.section(Where.CLASSIFICATION)));
    rows.add(new Row("Art. 30", "Records of processing", Status.TEAM, "team: purposes and legal bases; the "
        + "classification table is the inventory of personal fields: " + where.section(Where.CLASSIFICATION)));
    rows.add(new Row("Art. 32", "Security of processing", Status.SPECIFIED, Where.doc("SECURITY.md") + ", "
        + Where.doc("THREAT-MODEL.md") + " and " + Where.doc("ASVS.md") + " (level " + AsvsCatalog.level(f) + ")"));
    rows.add(new Row("Art. 33", "Breach notification within 72 hours", Status.TEAM, "team: the incident process; "
        + "detection from " + where.section(Where.LOGGING) + " and " + where.operations("alerts")));
    Optional<String> residency = new ResidencyControls(f).euTransfers();
    rows.add(residency.map(how -> new Row("Art. 44", "Transfers outside the EU", Status.SPECIFIED, how))
        .orElseGet(() -> new Row("Art. 44", "Transfers outside the EU", Status.TEAM, "team: keep the " + f.plan()
        .requirements().scale().regions() + " region(s) in the EU or EEA, or document the "
        + "safeguards for each transfer (" + (f.system().authentication().equals("oidc") ? "identity provider and "
        : "") + "log store included)")));
    return rows;
  }

  private List<String> owners(List<String> entities) {
    return f.system().services().stream().filter(s -> s.entities().stream().anyMatch(entities::contains))
        .map(Service::name).toList();
  }

  private String erasure(List<String> deletes, List<String> softDeleted, List<String> events) {
    List<String> parts = new ArrayList<>();
    if (!deletes.isEmpty()) {
      parts.add("the contracts delete records with " + Md.codes(deletes));
    }
    if (!softDeleted.isEmpty()) {
      parts.add(Md.codes(softDeleted) + (softDeleted.size() == 1 ? " is" : " are") + " deleted softly, so the "
          + "team must blank the personal fields on delete");
    }
    if (!events.isEmpty()) {
      parts.add("events " + Md.codes(events) + " carry personal fields: consumers erase their copies too");
    }
    parts.add("backups age out with the " + where.decision("backup-dr") + " retention");
    return "team: " + String.join("; ", parts);
  }

  List<Row> pci() {
    List<String> secrets = f.data().entityFields().stream().filter(SecurityView.FieldRow::secret)
        .map(r -> r.entity() + "." + r.field()).toList();
    List<String> scope = f.data().entityFields().stream().filter(SecurityView.FieldRow::secret)
        .map(SecurityView.FieldRow::service).distinct().toList();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Req. 1.3, 1.4", "Network security controls around the cardholder data environment",
        scope.isEmpty() ? Status.TEAM : Status.SPECIFIED, (scope.isEmpty() ? "team: no field is marked secret, so "
            + "mark the card data to define the scope" : "the scope is " + Md.codes(scope) + " and its "
            + "database; ") + (scope.isEmpty() ? "" : where.network(Md.and(scope), "its database"))));
    rows.add(new Row("Req. 3.3–3.5", "Stored account data unreadable", secrets.isEmpty() ? Status.TEAM
        : Status.SPECIFIED, secrets.isEmpty() ? "team: no field is marked secret; never store a PAN"
        : Md.codes(secrets) + " are encrypted field by field or tokenised: " + where.section(Where.CLASSIFICATION)));
    rows.add(new Row("Req. 3.6, 3.7", "Key management", Status.SPECIFIED, "keys in " + f.data().keys() + ": "
        + where.section(Where.SECRETS)));
    rows.add(new Row("Req. 4.2", "Strong cryptography in transit", Status.SPECIFIED,
        where.section(Where.ENCRYPTION)));
    rows.add(new Row("Req. 6.2–6.4", "Secure development and protection of public APIs", Status.SPECIFIED,
        where.section(Where.SCANNING) + "; " + Where.doc("ASVS.md") + (f.system().hasGateway() ? "; team: an "
            + "automated attack filter (WAF) at the API gateway" : "; team: an automated attack filter (WAF) in "
            + "front of the public services")));
    rows.add(new Row("Req. 7.2", "Access by need to know", f.matrix().services().isEmpty() ? Status.TEAM
        : Status.MET, Where.doc("AUTHZ-MATRIX.md")));
    rows.add(new Row("Req. 8.3, 8.4.2", "Strong authentication, MFA into the cardholder data environment",
        Status.SPECIFIED, where.section(Where.AUTHENTICATION)));
    rows.add(new Row("Req. 10.2, 10.5.1", "Audit logs kept 12 months, 3 at hand", Status.SPECIFIED,
        where.section(Where.LOGGING)));
    rows.add(new Row("Req. 11.3, 11.4", "Vulnerability scans and penetration tests", Status.TEAM, "team: quarterly "
        + "internal and ASV scans, a yearly penetration test of the public APIs"));
    rows.add(new Row("Req. 12.3", "Targeted risk analysis", Status.SPECIFIED, Where.doc("THREAT-MODEL.md")));
    return rows;
  }
}
