package dev.archforge.deliverable.security;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Tenants;
import dev.archforge.facts.api.ApiViews;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Plan;
import java.util.Optional;

/**
 * What every security document is derived from, computed once per run: the plan, the system's
 * components, where controls are met, the authorization matrix, the data classification and the
 * field that marks a record's tenant, when the entities carry one.
 */
record SecurityFacts(Plan plan, ApiViews apis, AccessRules access, SystemComponents system, Where where,
    AuthzMatrixView matrix, DataClassification data, Optional<String> tenantField) {
  static SecurityFacts of(Plan plan) {
    return of(Facts.of(plan));
  }

  /** From the run's facts: the API views are the ones the OpenAPI documents are rendered from. */
  static SecurityFacts of(Facts facts) {
    Plan plan = facts.plan();
    SystemComponents system = SystemComponents.of(plan);
    Where where = new Where(plan, system, facts.decisionLog()::currentFile);
    return new SecurityFacts(plan, facts.apis(), facts.access(), system, where,
        AuthzMatrixBuilder.build(plan, facts.apis(), facts.access(), system, where), new DataClassification(plan, facts.schemas().protection(), system),
        Tenants.field(plan.requirements()));
  }

  String choice(String topic, String otherwise) {
    return SystemComponents.choice(plan, topic, otherwise);
  }

  BlueprintDefaults defaults() {
    return plan.blueprint().defaults();
  }

  boolean authenticated() {
    return !system.authentication().equals("none");
  }

  /** How a caller's credential is checked, for threat rows: {@code verifies the OIDC access token ...}. */
  String credentialCheck() {
    return switch (system.authentication()) {
      case "oidc" -> "verifies the OIDC access token (signature against the identity provider's JWKS, issuer, "
          + "audience, expiry, scope)";
      case "jwt" -> "verifies the JWT (signature against the token service's published keys, issuer, audience, "
          + "expiry)";
      case "api-key" -> "looks up the hash of the `X-API-Key` header and rejects unknown, revoked or expired keys";
      case "mtls" -> "requires a client certificate from the system's private CA during the TLS handshake";
      default -> "accepts every caller: authentication is `none`";
    };
  }
}
