package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsCatalog.Requirement;
import dev.archforge.deliverable.security.AsvsView.Control;
import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.api.OperationView;
import dev.archforge.facts.api.ParameterView;
import dev.archforge.facts.api.PathView;
import dev.archforge.model.Api;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps each ASVS requirement to what meets it in this plan: {@code Met} when a generated artifact
 * meets it, {@code Specified} when SECURITY.md or a decision record specifies the control and the
 * team builds it, {@code Team} when nothing generated covers it. Requirements that cannot apply
 * (GraphQL limits without a GraphQL API, password rules when no service stores passwords) are
 * left out.
 */
final class AsvsMapper {
  private final SecurityFacts f;
  private final Where where;
  private final String auth;
  private final String contracts;

  AsvsMapper(SecurityFacts facts) {
    this.f = facts;
    this.where = facts.where();
    this.auth = facts.system().authentication();
    List<String> links = facts.system().services().stream().filter(where::hasOpenApi).map(where::contract).toList();
    this.contracts = links.isEmpty() ? null : String.join(", ", links);
  }

  Optional<Control> map(Requirement r) {
    Control c = switch (r.id()) {
      case "V1.1.2", "V1.1.4" -> met(r, Where.doc("THREAT-MODEL.md") + " covers every component and flow; "
          + "regenerate it with each change of the requirements");
      case "V1.2.2", "V2.10.1" -> spec(r, where.section(Where.SERVICE_IDENTITY));
      case "V1.4.1", "V4.1.1" -> met(r, Where.doc("AUTHZ-MATRIX.md") + (f.system().hasGateway()
          ? ", checked at the gateway and again in each service" : ", enforced in each service"));
      case "V1.4.5" -> f.choice("authorization", "rbac").equals("abac")
          ? spec(r, "attribute-based: " + where.decision("authorization") + ", " + where.section(Where.AUTHORIZATION))
          : team(r, "roles per operation are in " + Where.doc("AUTHZ-MATRIX.md") + "; record-level checks are "
              + "code in each service (" + where.decision("authorization") + ")");
      case "V1.5.3", "V5.1.3", "V5.1.4", "V13.2.2" -> contract(r, "every request body and parameter has a schema "
          + "with types, lengths, patterns and enums", "validate against the contract's schema");
      case "V1.6.1", "V6.4.1" -> spec(r, where.section(Where.SECRETS) + "; " + where.decision("secrets"));
      case "V1.7.1", "V7.3.1" -> spec(r, where.section(Where.LOGGING) + " (structured JSON, one schema)");
      case "V1.7.2", "V7.3.3" -> spec(r, where.section(Where.LOGGING) + " (central log store, restricted access)");
      case "V1.8.1", "V1.8.2", "V8.3.4" -> met(r, where.section(Where.CLASSIFICATION));
      case "V1.9.1", "V9.2.2", "V13.2.6" -> spec(r, where.section(Where.ENCRYPTION));
      case "V1.14.1", "V1.14.5" -> linked(r, where.network("each deployable", "only what its flows in "
          + "THREAT-MODEL.md name") + (f.system().hasGateway() ? "; the API gateway separates the internet from "
          + "the services" : ""), Status.MET);
      case "V1.14.3", "V14.2.1", "V14.2.5", "V14.1.1", "V10.3.2" -> spec(r, where.section(Where.SCANNING));
      case "V2.1.1", "V2.2.1" -> passwords(r);
      case "V2.4.1" -> auth.equals("jwt") ? spec(r, "Argon2id in the token service: "
          + where.section(Where.AUTHENTICATION)) : auth.equals("oidc") ? spec(r, "the identity provider stores "
          + "passwords; " + where.section(Where.AUTHENTICATION)) : null;
      case "V2.10.4" -> spec(r, where.section(Where.SECRETS) + "; secret scanning in " + where.section(
          Where.SCANNING));
      case "V3.3.2", "V3.5.3" -> auth.equals("oidc") || auth.equals("jwt")
          ? spec(r, where.section(Where.AUTHENTICATION) + " (token lifetimes, signature checks)") : null;
      case "V3.5.2" -> auth.equals("api-key") ? team(r, "static API keys are the chosen scheme; rotation and "
          + "expiry in " + where.section(Where.AUTHENTICATION) + " limit the exposure")
          : auth.equals("none") ? team(r, "authentication is none") : met(r, where.section(Where.AUTHENTICATION));
      case "V4.1.3", "V13.2.1" -> f.matrix().services().isEmpty() ? team(r, "no generated contract lists the "
          + "operations") : met(r, Where.doc("AUTHZ-MATRIX.md") + ": each operation allows only the roles "
          + "marked");
      case "V4.1.5" -> spec(r, "deny by default: " + Where.doc("AUTHZ-MATRIX.md"));
      case "V4.2.1", "V13.1.4" -> team(r, "record-level checks in each service; see Elevation of privilege in "
          + Where.doc("THREAT-MODEL.md"));
      case "V4.3.1" -> auth.equals("oidc") || auth.equals("jwt") ? spec(r, "MFA for the roles that write: "
          + where.section(Where.AUTHENTICATION)) : team(r, "administrative access needs MFA outside the API "
          + "(authentication is " + auth + ")");
      case "V5.1.2" -> contract(r, "request bodies are closed (`additionalProperties: false`), ids and "
          + "timestamps read-only", "bind only declared fields");
      case "V5.3.4", "V5.5.3" -> team(r, "parameterised queries and plain JSON binding without polymorphic types, "
          + "in every service");
      case "V6.1.1" -> f.data().hasPii() ? (f.data().fieldLevelPii() ? met(r, where.section(Where.CLASSIFICATION)
          + ": personal fields encrypted field by field") : spec(r, "storage encryption only (data-protection "
          + "baseline): " + where.section(Where.CLASSIFICATION))) : null;
      case "V6.1.2" -> has("hipaa") ? spec(r, where.section(Where.CLASSIFICATION) + "; " + Where.doc(
          "COMPLIANCE.md")) : null;
      case "V6.1.3" -> has("pci-dss") ? spec(r, where.section(Where.CLASSIFICATION) + "; " + Where.doc(
          "COMPLIANCE.md")) : null;
      case "V6.2.2", "V6.2.7" -> spec(r, "AES-256-GCM through the KMS client libraries: " + where.section(
          Where.ENCRYPTION));
      case "V6.4.2" -> spec(r, "keys stay in " + f.data().keys() + " (envelope encryption): " + where.section(
          Where.SECRETS));
      case "V7.1.1", "V7.1.2", "V7.1.3", "V7.2.2", "V8.3.5" -> spec(r, where.section(Where.LOGGING));
      case "V7.4.1", "V14.4.1" -> contract(r, "errors are problem details (`application/problem+json`); every "
          + "response declares its media type", "return problem details");
      case "V8.1.1" -> spec(r, (f.system().hasCache() || f.system().cdn() ? "secret fields never cached, "
          + "personal data only with short TTLs: " : "") + where.section(Where.CLASSIFICATION));
      case "V8.1.4" -> linked(r, where.operations("alerts on error rates and request volume"), Status.SPECIFIED);
      case "V9.2.5" -> spec(r, where.section(Where.LOGGING));
      case "V8.1.5", "V8.1.6" -> spec(r, where.decision("backup-dr") + "; backups encrypted: " + where.section(
          Where.ENCRYPTION));
      case "V8.3.1" -> queryStrings(r);
      case "V8.3.2" -> f.data().hasPii() ? team(r, "erasure and export per data subject; "
          + Where.doc("COMPLIANCE.md")) : null;
      case "V8.3.8" -> f.data().hasPii() ? team(r, "retention periods per personal field; " + where.section(
          Where.CLASSIFICATION)) : null;
      case "V9.1.1", "V9.1.3", "V14.4.5" -> spec(r, where.section(Where.ENCRYPTION));
      case "V11.1.4", "V12.1.1" -> contract(r, "rate limits (429 with `RateLimit-*` headers), page sizes and "
          + "string lengths are bounded", "bound rates, sizes and pages");
      case "V11.1.1" -> operations(r);
      case "V11.1.5" -> team(r, "limits per business action, from " + Where.doc("THREAT-MODEL.md"));
      case "V12.6.1" -> team(r, "egress allow list per deployable" + urlFields());
      case "V13.1.3" -> auth.equals("none") ? null : spec(r, "credentials only in headers: "
          + where.section(Where.AUTHENTICATION));
      case "V13.2.5" -> contract(r, "each request body declares its media type", "reject unexpected media types "
          + "with 415");
      case "V13.4.1", "V13.4.2" -> graphql() ? team(r, "depth and cost limits and resolver-level authorization "
          + "in the GraphQL services") : null;
      case "V14.1.5" -> spec(r, "configuration in Git, deployed by the pipeline: " + where.section(
          Where.SCANNING));
      case "V14.3.2", "V14.3.3", "V14.5.3" -> team(r, "production configuration of every deployable"
          + (f.system().hasGateway() ? " and the gateway" : ""));
      case "V14.5.1" -> contract(r, "only the methods each path declares", "accept only declared methods");
      default -> null;
    };
    return Optional.ofNullable(c);
  }

  private boolean has(String regime) {
    return f.plan().requirements().compliance().stream().anyMatch(c -> c.toString().equals(regime));
  }

  private boolean graphql() {
    return f.system().services().stream().anyMatch(s -> s.api() == Api.GRAPHQL);
  }

  private Control passwords(Requirement r) {
    return switch (auth) {
      case "oidc" -> spec(r, "the identity provider's policy: " + where.section(Where.AUTHENTICATION));
      case "jwt" -> spec(r, "the token service: " + where.section(Where.AUTHENTICATION));
      case "api-key" -> r.id().equals("V2.2.1") ? contract(r, "per-key rate limits", "rate-limit per key") : null;
      default -> null;
    };
  }

  private Control queryStrings(Requirement r) {
    List<String> found = new ArrayList<>();
    for (Service s : f.system().services()) {
      if (!where.hasOpenApi(s)) {
        continue;
      }
      for (PathView p : f.apis().of(s).paths()) {
        for (OperationView op : p.operations()) {
          Entity e = f.plan().requirements().entity(op.tag()).orElseThrow();
          for (ParameterView param : op.parameters()) {
            boolean personal = e.fields().stream().anyMatch(x -> x.name().equals(param.name()) && x.pii());
            if (param.location().equals("query") && personal) {
              found.add(op.method().toUpperCase(java.util.Locale.ROOT) + " " + p.path() + "?" + param.name());
            }
          }
        }
      }
    }
    if (found.isEmpty()) {
      return contracts == null ? team(r, "keep personal data out of query strings")
          : met(r, "no query parameter of " + contracts + " carries a personal field");
    }
    return team(r, "the contracts filter on personal fields in the query string (" + Md.codes(found) + "): keep "
        + "such values out of access logs, or offer the search as a POST");
  }

  private String urlFields() {
    List<String> urls = new ArrayList<>();
    for (Entity e : f.plan().requirements().entities()) {
      e.fields().stream().filter(x -> x.type() == dev.archforge.model.FieldType.URL).map(Field::name)
          .forEach(n -> urls.add(e.name() + "." + n));
    }
    return urls.isEmpty() ? "" : "; the services never fetch the URLs in " + Md.codes(urls) + " server-side "
        + "without it";
  }

  private Control contract(Requirement r, String met, String otherwise) {
    return contracts == null ? team(r, otherwise + " in each service (no generated contract)")
        : new Control(r.id(), r.level(), r.gist(), Status.MET, met + ": " + contracts);
  }

  /** A control met by a link when the artifact is generated, or the team's when {@code how} says {@code team:}. */
  private static Control linked(Requirement r, String how, Status status) {
    return new Control(r.id(), r.level(), r.gist(), how.startsWith("team:") ? Status.TEAM : status, how);
  }

  private static Control met(Requirement r, String how) {
    return new Control(r.id(), r.level(), r.gist(), Status.MET, how);
  }

  private static Control spec(Requirement r, String how) {
    return new Control(r.id(), r.level(), r.gist(), Status.SPECIFIED, how);
  }

  private static Control team(Requirement r, String how) {
    return new Control(r.id(), r.level(), r.gist(), Status.TEAM, "team: " + how);
  }

  /** The state machines: each operation starts only from its states; left out when the requirements declare none. */
  private Control operations(Requirement r) {
    List<String> ops = new DomainOperations(f.access()).all(f.plan().requirements()).stream()
        .map(DomainOperation::operationId).toList();
    if (ops.isEmpty()) {
      return null;
    }
    return linked(r, "the domain operations " + Md.codes(ops) + " change each state machine only from the states "
        + "they start from (409 or FAILED_PRECONDITION otherwise, state fields read-only in every contract): "
        + (contracts == null ? "the contracts" : contracts) + "; Domain operations in "
        + Where.doc("THREAT-MODEL.md"), Status.MET);
  }
}
