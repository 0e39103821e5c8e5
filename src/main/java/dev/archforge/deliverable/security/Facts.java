package dev.archforge.deliverable.security;

import dev.archforge.deliverable.Tenants;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Plan;
import java.util.Optional;

/**
 * What every security document is derived from, computed once per plan: the plan, the system's
 * components, where controls are met, the authorization matrix and the data classification.
 */
record Facts(Plan plan, SystemComponents system, Where where, AuthzMatrixView matrix, DataClassification data) {
  static Facts of(Plan plan) {
    SystemComponents system = SystemComponents.of(plan);
    Where where = new Where(plan, system);
    return new Facts(plan, system, where, AuthzMatrixBuilder.build(plan, system, where),
        new DataClassification(plan, system));
  }

  String choice(String topic, String otherwise) {
    return SystemComponents.choice(plan, topic, otherwise);
  }

  BlueprintDefaults defaults() {
    return plan.blueprint().defaults();
  }

  /** The field that marks a record's tenant, when the entities carry one. */
  Optional<String> tenantField() {
    return Tenants.field(plan.requirements());
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
