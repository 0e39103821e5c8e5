package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Control;
import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.model.Entity;
import dev.archforge.model.FieldType;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/** The OWASP API Security Top 10 (2023), each risk mapped to what meets it in this plan. */
final class ApiTop10 {
  private ApiTop10() {}

  static List<Control> map(SecurityFacts f) {
    Where where = f.where();
    List<String> links = f.system().services().stream().filter(where::hasOpenApi).map(where::contract).toList();
    String contracts = links.isEmpty() ? null : String.join(", ", links);
    boolean abac = f.choice("authorization", "rbac").equals("abac");
    String tenant = f.tenantField().map(t -> " (tenant field " + Md.code(t) + ")").orElse("");
    List<Control> list = new ArrayList<>();
    list.add(abac ? c(1, "Broken Object Level Authorization", Status.SPECIFIED, "attribute checks compare the "
            + "caller with each record" + tenant + ": " + where.section(Where.AUTHORIZATION))
        : c(1, "Broken Object Level Authorization", Status.TEAM, "team: record-level checks in each service" + tenant
            + "; roles alone allow every record of a type (" + Where.doc("AUTHZ-MATRIX.md") + ")"));
    list.add(f.authenticated() && contracts != null ? c(2, "Broken Authentication", Status.MET, "every operation "
            + "declares its security requirement: " + contracts + "; token and key rules in " + where.section(
            Where.AUTHENTICATION))
        : c(2, "Broken Authentication", Status.TEAM, "team: " + (f.authenticated() ? "each service's contract "
            + "must declare its authentication" : "authentication is `none`; put an authenticating layer in front")));
    list.add(contracts == null ? c(3, "Broken Object Property Level Authorization", Status.TEAM, "team: bind and "
            + "return only declared properties")
        : c(3, "Broken Object Property Level Authorization", Status.MET, "closed request schemas, read-only ids and "
            + "timestamps" + (f.data().hasSecrets() ? ", secret fields write-only" : "") + ": " + contracts));
    list.add(contracts == null ? c(4, "Unrestricted Resource Consumption", Status.TEAM, "team: rate limits and size "
            + "bounds in each service")
        : c(4, "Unrestricted Resource Consumption", Status.MET, f.defaults().rateLimitPerMinute() + " requests per "
            + "minute per client, pages of at most " + f.defaults().pageSizeMax() + ", bounded strings: " + contracts
            + "; autoscaling bounds in " + where.capacity("sizing")));
    list.add(f.matrix().services().isEmpty() ? c(5, "Broken Function Level Authorization", Status.TEAM, "team: roles "
            + "per operation in each service")
        : c(5, "Broken Function Level Authorization", Status.MET, "roles per operation, deny by default: "
            + Where.doc("AUTHZ-MATRIX.md")));
    list.add(c(6, "Unrestricted Access to Sensitive Business Flows", Status.TEAM, "team: per-user limits and "
        + "abuse detection on flows such as " + flows(f)));
    List<String> urls = urlFields(f);
    list.add(urls.isEmpty() ? c(7, "Server Side Request Forgery", Status.SPECIFIED, "no field holds a URL; outbound "
            + "calls are only the `calls` edges of " + Where.doc("THREAT-MODEL.md"))
        : c(7, "Server Side Request Forgery", Status.TEAM, "team: " + Md.codes(urls) + (urls.size() == 1
            ? " holds a URL; never fetch it" : " hold URLs; never fetch them") + " server-side except through an "
            + "egress allow list"));
    list.add(c(8, "Security Misconfiguration", Status.SPECIFIED, where.section(Where.ENCRYPTION) + "; "
        + where.section(Where.SCANNING) + "; hardened production settings are the team's"));
    List<String> without = f.system().services().stream().filter(s -> !where.hasContract(s)).map(Service::name)
        .toList();
    list.add(c(9, "Improper Inventory Management", without.isEmpty() ? Status.MET : Status.TEAM, (contracts == null
        ? "" : "one versioned contract per REST service (" + where.decision("api-versioning") + "): " + contracts)
        + (without.isEmpty() ? "" : (contracts == null ? "" : "; ") + "team: contracts for " + Md.codes(without))));
    list.add(f.system().calls().isEmpty() && f.system().events().isEmpty()
        ? c(10, "Unsafe Consumption of APIs", Status.MET, "no service consumes another's API or events")
        : c(10, "Unsafe Consumption of APIs", Status.SPECIFIED, "answers and events from other services are "
            + "validated like client input, with timeouts and circuit breakers (" + where.decision("resilience")
            + "); see the flows in " + Where.doc("THREAT-MODEL.md")));
    return list;
  }

  private static Control c(int n, String name, Status status, String how) {
    return new Control("API" + n + ":2023", 0, name, status, how);
  }

  private static String flows(SecurityFacts f) {
    List<String> creates = f.matrix().services().stream().flatMap(m -> m.rows().stream())
        .filter(r -> r.method().equals("POST")).map(r -> Md.code(r.operationId())).limit(4).toList();
    if (!creates.isEmpty()) {
      return String.join(", ", creates);
    }
    return "the writes each service offers";
  }

  private static List<String> urlFields(SecurityFacts f) {
    List<String> urls = new ArrayList<>();
    for (Entity e : f.plan().requirements().entities()) {
      e.fields().stream().filter(x -> x.type() == FieldType.URL).forEach(x -> urls.add(e.name() + "." + x.name()));
    }
    return urls;
  }
}
