package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.AlertNames;
import dev.archforge.model.Entity;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/** STRIDE for each service of the requirements (each module, in a modular monolith). */
final class ServiceThreats {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final Where where;

  ServiceThreats(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.where = facts.where();
  }

  List<Element> elements() {
    return sys.services().stream().map(this::service).toList();
  }

  private Element service(Service s) {
    boolean openApi = where.hasOpenApi(s);
    Risk generated = where.hasContract(s) ? Risk.LOW : Risk.MEDIUM;
    List<String> callers = sys.services().stream().filter(c -> c.calls().contains(s.name())).map(Service::name)
        .toList();
    return new Stride()
        .spoofing("A caller impersonates a user or another service towards " + s.name() + ".",
            spoofingMitigation(s, callers), where.contract(s) + "; " + where.section(Where.SERVICE_IDENTITY),
            !f.authenticated() && s.isPublic() ? Risk.HIGH : generated)
        .tampering("Malformed or oversized input changes data it should not (mass assignment, injection).",
            openApi ? "Request bodies are closed schemas (`additionalProperties: false`), strings have a "
                + "`maxLength`, ids and timestamps are read-only; queries are parameterised."
                : "The " + s.api().spelling() + " handlers validate every message against the contract's types and "
                    + "limits before use; queries are parameterised.",
            where.contract(s) + "; " + where.section(Where.VALIDATION), generated)
        .repudiation("A caller denies having changed a record.", repudiationMitigation(s),
            where.section(Where.LOGGING), unaudited(s).isEmpty() ? Risk.LOW : Risk.MEDIUM)
        .disclosure("Personal or secret data leaks through responses, logs or error messages.",
            disclosureMitigation(s), where.section(Where.CLASSIFICATION) + "; " + where.section(Where.LOGGING),
            !f.data().fieldLevelPii() && !f.data().piiFieldsOf(s).isEmpty() ? Risk.MEDIUM : Risk.LOW)
        .denial("Expensive requests or a traffic peak exhaust " + sys.deployableOf(s) + ".", denialMitigation(s),
            where.capacity("autoscaling bounds of " + sys.deployableOf(s)) + "; "
                + where.alert(AlertNames.watchesSaturation(sys.deployment()) ? AlertNames.cpu(sys.deployableOf(s))
                    : AlertNames.errorRate(sys.deployableOf(s)), "saturation of " + sys.deployableOf(s)), Risk.LOW)
        .elevation("A caller acts on records beyond its role: another user's record (IDOR) or an operation of a "
                + "more privileged role.", elevationMitigation(s), where.authz(s),
            !f.authenticated() ? Risk.HIGH : Risk.MEDIUM)
        .element(sys.unit(s).substring(4), sys.monolith() ? "module" : "service", summary(s));
  }

  private String summary(Service s) {
    List<String> parts = new ArrayList<>();
    parts.add(s.api().spelling() + " API, " + s.exposure().spelling());
    if (sys.monolith()) {
      parts.add("runs in the " + Md.code(sys.deployable()) + " deployable");
    }
    parts.add(s.entities().isEmpty() ? "owns no entities"
        : "owns " + Md.codes(s.entities()) + " in the " + sys.storeOf(s).orElseThrow().name());
    if (!s.calls().isEmpty()) {
      parts.add("calls " + Md.codes(s.calls()));
    }
    if (!s.publishes().isEmpty()) {
      parts.add("publishes " + Md.codes(s.publishes()));
    }
    if (!s.consumes().isEmpty()) {
      parts.add("consumes " + Md.codes(s.consumes()));
    }
    return String.join("; ", parts) + ".";
  }

  private String spoofingMitigation(Service s, List<String> callers) {
    StringBuilder sb = new StringBuilder();
    if (s.isPublic()) {
      sb.append("It ").append(f.credentialCheck()).append(" on every request, behind ")
          .append(sys.hasGateway() ? "the gateway's own check." : "the load balancer.");
    } else if (sys.monolith()) {
      sb.append("It has no network endpoint of its own: other modules call it in-process, and requests from outside "
          + "the deployable pass the same credential check as every other module.");
    } else {
      sb.append("Internal: it accepts only mutual-TLS connections from the workload identities of ")
          .append(callers.isEmpty() ? "no other service (nothing calls it)" : Md.codes(callers))
          .append(", plus the forwarded user credential.");
    }
    return sb.toString();
  }

  private List<String> unaudited(Service s) {
    return f.plan().requirements().ownedBy(s).stream().filter(e -> !e.audit()).map(Entity::name).toList();
  }

  private String repudiationMitigation(Service s) {
    String base = "Every write is logged with the caller's subject, the operation, the record id and the trace id.";
    List<String> unaudited = unaudited(s);
    if (s.entities().isEmpty()) {
      return base;
    }
    return base + (unaudited.isEmpty() ? " Every entity keeps created and updated timestamps (`audit: true`)."
        : " " + Md.codes(unaudited) + (unaudited.size() == 1 ? " keeps" : " keep") + " no created or updated "
            + "timestamps (`audit: false`): the write log is the only trail for " + (unaudited.size() == 1 ? "it."
            : "them."));
  }

  private String disclosureMitigation(Service s) {
    List<String> secrets = f.data().secretFieldsOf(s);
    List<String> pii = f.data().piiFieldsOf(s);
    if (secrets.isEmpty() && pii.isEmpty()) {
      return "No field it owns is marked pii or secret; responses follow the authorization matrix and errors are "
          + "problem details without internals.";
    }
    List<String> parts = new ArrayList<>();
    if (!secrets.isEmpty()) {
      parts.add("secret fields " + Md.codes(secrets) + " are write-only in the API, encrypted field by field and "
          + "never logged");
    }
    if (!pii.isEmpty()) {
      parts.add("personal fields " + Md.codes(pii) + " are masked in logs and "
          + (f.data().fieldLevelPii() ? "encrypted field by field" : "protected only by storage encryption "
              + "(data-protection baseline)"));
    }
    String text = String.join("; ", parts);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private String denialMitigation(Service s) {
    String deployable = sys.deployableOf(s);
    String sizing = f.plan().capacity() == null ? "" : f.plan().capacity().service(deployable)
        .map((ServiceSizing z) -> " Autoscaling runs " + z.hpaMin() + " to " + z.hpaMax() + " pods of "
            + Md.code(deployable) + ".").orElse("");
    String lists = s.entities().isEmpty() ? "" : switch (s.api()) {
      case REST -> "Lists are paged (at most " + f.defaults().pageSizeMax() + " items a page); ";
      case GRAPHQL -> "Queries are limited in depth and cost, lists paged; ";
      case GRPC -> "List calls return pages of at most " + f.defaults().pageSizeMax() + " items; ";
    };
    return lists + "per-client rate limits; timeouts on every outgoing call." + sizing;
  }

  private String elevationMitigation(Service s) {
    String base = "Each operation allows only the roles the matrix marks (deny by default).";
    if (f.choice("authorization", "rbac").equals("abac")) {
      return base + " Attribute checks then compare the caller's tenant and ownership with the record's.";
    }
    return base + " Object-level checks (the caller owns the record) are code in the service, covered by tests.";
  }
}
