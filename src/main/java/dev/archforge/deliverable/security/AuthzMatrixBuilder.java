package dev.archforge.deliverable.security;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.api.ApiView;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.model.Api;
import dev.archforge.facts.api.ApiViews;
import dev.archforge.facts.api.OperationView;
import dev.archforge.facts.api.PathView;
import dev.archforge.model.Access;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the authorization matrix from the same view the OpenAPI contracts are rendered from
 * ({@link OpenApiDeliverable#view}), so the matrix and the contracts' security requirements
 * cannot drift apart: one row per operation, one column per role.
 */
final class AuthzMatrixBuilder {
  static final String NO_CONTRACT = "Services without an OpenAPI contract";
  static final String YES = "✓";
  static final String NO = "—";

  private AuthzMatrixBuilder() {}

  static AuthzMatrixView build(Plan plan, ApiViews apis, AccessRules rules, SystemComponents system, Where where) {
    List<String> roles = plan.requirements().security().roles();
    List<AuthzMatrixView.ServiceMatrix> matrices = new ArrayList<>();
    List<AuthzMatrixView.Uncovered> uncovered = new ArrayList<>();
    List<AuthzMatrixView.UncoveredOperation> operations = new ArrayList<>();
    DomainOperations domain = new DomainOperations(rules);
    for (Service s : system.services()) {
      if (where.hasOpenApi(s)) {
        matrices.add(new AuthzMatrixView.ServiceMatrix(s.name(), where.contract(s), rows(apis, s, roles)));
      } else {
        for (String entity : s.entities()) {
          Access access = rules.of(s, entity);
          String stated = rules.stated(s, entity) ? "" : " (not stated: deny by default)";
          uncovered.add(new AuthzMatrixView.Uncovered(s.name(), where.contract(s), entity,
              roles(access.read()) + stated, roles(access.write()) + stated));
        }
        for (DomainOperation op : domain.of(plan.requirements(), s)) {
          operations.add(new AuthzMatrixView.UncoveredOperation(s.name(), where.contract(s), op.entity().name(),
              s.api() == Api.GRPC ? "rpc " + op.rpcName() : "mutation " + op.operationId(), op.scope(),
              roles(op.roles())));
        }
      }
    }
    String authorization = SystemComponents.choice(plan, "authorization", "rbac");
    return new AuthzMatrixView(plan.requirements().project().displayTitle(), system.authentication(), authorization,
        credential(system.authentication()), roles, system.authentication().equals("oidc"), matrices, uncovered,
        notes(system, authorization, rules), operations);
  }

  private static String roles(List<String> roles) {
    return roles.isEmpty() ? "none" : String.join(", ", roles);
  }

  static List<AuthzMatrixView.Row> rows(ApiViews apis, Service service, List<String> roles) {
    ApiView view = apis.of(service);
    List<AuthzMatrixView.Row> rows = new ArrayList<>();
    for (PathView path : view.paths()) {
      for (OperationView op : path.operations()) {
        boolean anonymous = op.security().stream().anyMatch(r -> r.scheme().isEmpty());
        List<String> scopes = op.security().stream().flatMap(r -> r.scopes().stream()).distinct().toList();
        List<String> allowed = op.roles();
        List<String> cells = roles.stream().map(r -> allowed.contains(r) ? YES : NO).toList();
        rows.add(new AuthzMatrixView.Row(op.method().toUpperCase(Locale.ROOT), path.path(), op.operationId(),
            op.tag(), !op.method().equals("get"), anonymous, scopes, allowed, cells));
      }
    }
    return rows;
  }

  /** Whether any operation of the contracts takes callers without credentials. */
  static boolean anyAnonymous(AuthzMatrixView matrix) {
    return matrix.services().stream().flatMap(m -> m.rows().stream()).anyMatch(AuthzMatrixView.Row::anonymous);
  }

  /** The operations callers without credentials may call, as {@code METHOD path}. */
  static List<String> anonymousOperations(AuthzMatrixView matrix, String service) {
    return matrix.services().stream().filter(m -> m.service().equals(service)).flatMap(m -> m.rows().stream())
        .filter(AuthzMatrixView.Row::anonymous).map(r -> r.method() + " " + r.path()).toList();
  }

  /** The roles that may write anything in the generated contracts. */
  static List<String> writers(AuthzMatrixView matrix) {
    return matrix.roles().stream().filter(role -> matrix.services().stream().flatMap(m -> m.rows().stream())
        .anyMatch(r -> r.write() && r.roles().contains(role))).toList();
  }

  static String credential(String authentication) {
    return switch (authentication) {
      case "oidc" -> "an access token from the identity provider in `Authorization: Bearer`, carrying the scope "
          + "the row names and one of the roles it marks";
      case "jwt" -> "a JSON Web Token from the system's token service in `Authorization: Bearer`, carrying one of "
          + "the roles the row marks";
      case "api-key" -> "an API key in the `X-API-Key` header; each key is issued to one client with one role";
      case "mtls" -> "a client certificate from the system's private CA; its subject maps to one role";
      default -> "nothing: authentication is `none`, so the roles below are the intended design and are not "
          + "enforced until an authenticating layer is added";
    };
  }

  private static List<String> notes(SystemComponents system, String authorization, AccessRules rules) {
    List<String> notes = new ArrayList<>();
    notes.add("Deny by default: a role without a mark in a row gets 403, a request without valid credentials "
        + "gets 401 (the contracts list both responses).");
    List<String> defaulted = rules.defaulted().stream().map(d -> d.entity() + " (" + d.service() + ")").toList();
    if (!defaulted.isEmpty()) {
      notes.add("The requirements state no access for " + Md.and(defaulted) + ", so only "
          + Md.and(rules.privileged()) + " may read or write " + (defaulted.size() == 1 ? "it" : "them")
          + " until they do.");
    }
    if (authorization.equals("abac")) {
      notes.add("Authorization is attribute-based: a mark is the first gate; the service then compares the "
          + "caller's attributes (tenant, ownership) with the record's before it answers.");
    } else {
      notes.add("Authorization is role-based: a mark allows the operation on every record of that type; "
          + "ownership rules (a caller sees only their own records) are written in the service and tested.");
    }
    if (system.hasGateway()) {
      notes.add("The API gateway checks credentials before routing; each service still enforces its rows, so a "
          + "request that bypasses the gateway gains nothing.");
    }
    return notes;
  }
}
