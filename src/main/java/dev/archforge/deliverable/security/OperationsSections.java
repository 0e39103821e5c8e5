package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.SecurityView.Section;
import dev.archforge.deliverable.security.SecurityView.Setting;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.model.Api;
import dev.archforge.model.Compliance;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Language;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** SECURITY.md's logging rules, input validation, CI scanning and compliance pointers. */
final class OperationsSections {
  private final SecurityFacts f;
  private final SystemComponents sys;

  OperationsSections(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
  }

  private boolean has(Compliance c) {
    return f.plan().requirements().compliance().contains(c);
  }

  Section logging() {
    String retention = has(Compliance.HIPAA) ? "6 years"
        : has(Compliance.PCI_DSS) ? "12 months, the last 3 searchable at once"
        : has(Compliance.SOC2) || has(Compliance.ISO27001) ? "1 year" : "90 days";
    List<String> paragraphs = List.of("Logs are JSON lines in UTC with `timestamp`, `level`, `service`, "
        + "`trace_id`, `span_id`, the caller's subject id and the operation, shipped to the central log store. "
        + "Security logs are kept " + retention + ", append-only, readable only by on-call and security staff.");
    List<String> items = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> personal = new ArrayList<>();
    for (SecurityView.FieldRow r : f.data().entityFields()) {
      (r.secret() ? secrets : personal).add(r.entity() + "." + r.field());
    }
    if (!secrets.isEmpty()) {
      items.add("Never logged: the secret fields " + Md.codes(secrets) + ".");
    }
    if (!personal.isEmpty()) {
      items.add("Only masked (a keyed hash, or the first character): the personal fields " + Md.codes(personal)
          + ".");
    }
    String headers = "`Authorization`, `Cookie`, `Set-Cookie`" + (sys.authentication().equals("api-key")
        ? ", `X-API-Key` (its prefix only)" : "");
    items.add("Never logged: the " + headers + " headers, tokens, passwords and key material.");
    List<String> classifiedEntities = f.data().entityFields().stream().map(SecurityView.FieldRow::entity).distinct()
        .toList();
    items.add(classifiedEntities.isEmpty() ? "Request and response bodies are logged only at debug level, which is "
        + "off in production." : "Request and response bodies of " + Md.codes(classifiedEntities) + " are never "
        + "logged; other bodies only at debug level, off in production.");
    items.add("Always logged: failed authentication, every 401 and 403 with the operation and subject, validation "
        + "failures (field names, never values), role and key changes, and administrative actions.");
    items.add("Log lines are built by the JSON encoder, never by concatenating input, so input cannot forge lines.");
    return Section.of(paragraphs, items);
  }

  Section validation() {
    List<String> paragraphs = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<Service> rest = sys.services().stream().filter(f.where()::hasOpenApi).toList();
    var d = f.defaults();
    if (!rest.isEmpty()) {
      paragraphs.add("Every operation of " + Md.codes(rest.stream().map(Service::name).toList()) + " validates its "
          + "input against its contract before any other code runs:");
      items.add("Request bodies are closed schemas (`additionalProperties: false`); ids and timestamps are "
          + "read-only.");
      items.add("Every string has a `maxLength` (" + d.stringMaxLength() + " when the requirements give none, "
          + d.textMaxLength() + " for text); numbers have their minimum and maximum; enums list their values.");
      List<String> patterns = patterned();
      if (!patterns.isEmpty()) {
        items.add("Patterns are enforced on " + Md.codes(patterns) + ".");
      }
      items.add("Lists return at most " + d.pageSizeMax() + " items a page; creates need an `Idempotency-Key`; "
          + "updates accept only `application/merge-patch+json`.");
      items.add("Invalid input gets a 400 or 422 problem detail with a JSON Pointer to each invalid value.");
    }
    List<String> others = sys.services().stream().filter(s -> !f.where().hasOpenApi(s)).map(s -> Md.code(s.name())
        + " (" + s.api().spelling() + ")").toList();
    if (!others.isEmpty()) {
      items.add("Services without an OpenAPI contract, " + String.join(", ", others) + ", validate against the "
          + "same field constraints in their own contracts" + (sys.services().stream().anyMatch(s -> s.api()
          == Api.GRAPHQL) ? "; GraphQL adds query depth and cost limits" : "") + ".");
    }
    if (!sys.events().isEmpty()) {
      items.add("Consumers validate each event against its schema before use; an invalid event is "
          + (sys.hasBroker() ? "parked in the consumer's dead-letter queue." : "rejected and logged."));
    }
    items.add("Request bodies above " + (bytesFields() ? "the largest declared binary field plus 1 MiB" : "1 MiB")
        + " are refused at the edge.");
    return Section.of(paragraphs, items);
  }

  private List<String> patterned() {
    List<String> list = new ArrayList<>();
    for (Entity e : f.plan().requirements().entities()) {
      for (Field x : e.fields()) {
        if (x.pattern() != null) {
          list.add(e.name() + "." + x.name());
        }
      }
    }
    return list;
  }

  private boolean bytesFields() {
    return f.plan().requirements().entities().stream().flatMap(e -> e.fields().stream())
        .anyMatch(x -> x.type() == FieldType.BYTES);
  }

  Section scanning() {
    Set<Language> languages = new LinkedHashSet<>();
    sys.services().forEach(s -> languages.add(Deployables.languageOf(f.plan(), s)));
    List<Setting> rows = new ArrayList<>();
    for (Language l : languages) {
      rows.add(new Setting("Dependencies (" + l.spelling() + ")", switch (l) {
        case JAVA -> "OWASP Dependency-Check or OSV-Scanner on the Maven or Gradle build";
        case KOTLIN -> "OSV-Scanner or OWASP Dependency-Check on the Gradle build";
        case GO -> "`govulncheck ./...`";
        case NODE -> "`npm audit --omit=dev` and OSV-Scanner on the lock file";
        case PYTHON -> "`pip-audit` on the locked requirements";
      }));
    }
    rows.add(new Setting("Source", "static analysis (Semgrep or CodeQL) and secret scanning (gitleaks) on every "
        + "push"));
    rows.add(new Setting("Images", "Trivy or Grype on the image of " + Md.codes(sys.deployables()) + " at build "
        + "and nightly; minimal base images rebuilt weekly"));
    rows.add(new Setting("Supply chain", "a CycloneDX SBOM per image; images signed with cosign"
        + (sys.kubernetes() ? " and verified at admission to the cluster" : "")));
    rows.add(new Setting("Infrastructure", (sys.kubernetes() ? "Kustomize overlays and " : "") + "Terraform checked with "
        + "Trivy config or Checkov"));
    if (!f.matrix().services().isEmpty()) {
      rows.add(new Setting("API contracts", "Spectral with the OWASP ruleset on `api/*/openapi.yaml`; an OWASP ZAP "
          + "API scan against staging"));
    }
    List<String> paragraphs = List.of("Every build runs these checks; a critical or high finding with a fix "
        + "available fails it. Other findings become tickets, due in 7 days (critical) or 30 days (high).");
    return new Section(paragraphs, List.of(), "Check", rows);
  }

  Section compliance() {
    List<Compliance> regimes = f.plan().requirements().compliance();
    if (regimes.isEmpty()) {
      return Section.of(List.of("No compliance regime is named in the requirements (`compliance:`)."), List.of());
    }
    List<String> items = regimes.stream().map(c -> Md.link(ComplianceBuilder.heading(c),
        "COMPLIANCE.md#" + Md.anchor(ComplianceBuilder.heading(c)))).toList();
    return Section.of(List.of("What each regime requires of this design, what the design meets and what remains, "
        + "is in " + Where.doc("COMPLIANCE.md") + ":"), items);
  }
}
