package dev.archforge.facts.api;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.Naming;
import dev.archforge.model.Access;
import dev.archforge.model.Authentication;
import dev.archforge.model.Entity;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call what: the security scheme of the chosen authentication, the security requirement
 * of each operation (with OIDC scopes {@code <resource>:read} / {@code <resource>:write}) and the
 * roles each operation allows, from {@code service.access} or, without an entry, the privileged
 * roles alone ({@link AccessRules}: deny by default).
 * Writes always need credentials, even where the access list names {@code anonymous}.
 */
final class AccessPolicy {
  static final String API_KEY_HEADER = "X-API-Key";

  private final Authentication authentication;
  private final String oidcDiscoveryUrl;
  private final AccessRules rules;
  private final Service service;

  public AccessPolicy(Authentication authentication, String oidcDiscoveryUrl, AccessRules rules, Service service) {
    this.authentication = authentication;
    this.oidcDiscoveryUrl = oidcDiscoveryUrl;
    this.rules = rules;
    this.service = service;
  }

  Authentication authentication() {
    return authentication;
  }

  /** The scheme name operations refer to; empty when OpenAPI 3.0 has none for the method. */
  String schemeName() {
    return switch (authentication) {
      case OIDC -> "oidc";
      case JWT -> "bearerAuth";
      case API_KEY -> "apiKey";
      case MTLS, NONE -> "";
    };
  }

  List<SchemeView> schemes() {
    return switch (authentication) {
      case OIDC -> List.of(new SchemeView(schemeName(), "openIdConnect", "OpenID Connect: an access token from the "
          + "identity provider, sent as `Authorization: Bearer <token>`.", oidcDiscoveryUrl, null, null, null));
      case JWT -> List.of(new SchemeView(schemeName(), "http", "A JSON Web Token sent as "
          + "`Authorization: Bearer <token>`, handled as RFC8725 (JSON Web Token Best Current Practices) asks: "
          + "only the asymmetric signing algorithms configured for the token service are accepted, never `none`, "
          + "and signature, issuer, audience and expiry are checked on every request.", null, "bearer", "JWT",
          null));
      case API_KEY -> List.of(new SchemeView(schemeName(), "apiKey", "An API key issued per client, sent in the `"
          + API_KEY_HEADER + "` header.", null, null, null, API_KEY_HEADER));
      case MTLS, NONE -> List.of();
    };
  }

  /** Whether a request can lack or carry bad credentials (a 401 applies). */
  boolean hasCredentials() {
    return !schemeName().isEmpty();
  }

  /** Whether roles are checked at all (a 403 applies). */
  boolean checksRoles() {
    return authentication != Authentication.NONE;
  }

  List<SecurityRequirementView> requirement(Entity entity, boolean write) {
    if (!hasCredentials()) {
      return List.of();
    }
    List<String> scopes = authentication == Authentication.OIDC ? List.of(scope(entity, write)) : List.of();
    SecurityRequirementView authenticated = new SecurityRequirementView(schemeName(), scopes);
    return !write && anonymousRead(entity) ? List.of(SecurityRequirementView.anonymous(), authenticated)
        : List.of(authenticated);
  }

  /** The security requirement of a domain operation: credentials with the operation's own scope. */
  List<SecurityRequirementView> requirement(String scope) {
    if (!hasCredentials()) {
      return List.of();
    }
    return List.of(new SecurityRequirementView(schemeName(),
        authentication == Authentication.OIDC ? List.of(scope) : List.of()));
  }

  /** The paragraph of a domain operation's description that says who may call it. */
  String describe(List<String> roles, String scope) {
    return "**Allowed roles:** " + (roles.isEmpty() ? "none" : String.join(", ", roles)) + "." + scheme(scope);
  }

  static String scope(Entity entity, boolean write) {
    return Naming.resourcePath(entity.name()) + (write ? ":write" : ":read");
  }

  boolean anonymousRead(Entity entity) {
    return access(entity).read().contains(Security.ANONYMOUS);
  }

  /** The roles allowed to read or to write, without the anonymous pseudo-role. */
  List<String> roles(Entity entity, boolean write) {
    Access access = access(entity);
    return (write ? access.write() : access.read()).stream().filter(r -> !r.equals(Security.ANONYMOUS)).toList();
  }

  /** The paragraph of an operation's description that says who may call it. */
  String describe(Entity entity, boolean write) {
    List<String> roles = roles(entity, write);
    boolean anonymous = !write && anonymousRead(entity);
    StringBuilder sb = new StringBuilder();
    if (anonymous && roles.isEmpty()) {
      sb.append("**Allowed:** anyone, with or without credentials.");
    } else {
      sb.append("**Allowed roles:** ").append(roles.isEmpty() ? "none" : String.join(", ", roles))
          .append(anonymous ? "; callers without credentials may read too." : ".");
    }
    return sb.append(scheme(scope(entity, write))).toString();
  }

  private String scheme(String scope) {
    return switch (authentication) {
      case OIDC -> " **Scope:** `" + scope + "`.";
      case MTLS -> " Callers authenticate with a client certificate (mutual TLS).";
      case NONE -> " Roles are not enforced: authentication is `none`.";
      default -> "";
    };
  }

  /** How authentication works, for {@code info.description}. */
  String overview() {
    return switch (authentication) {
      case OIDC -> "OpenID Connect. Send an access token from the identity provider (discovery document: "
          + oidcDiscoveryUrl + ") as `Authorization: Bearer <token>`. Each operation needs the scope "
          + "`<resource>:read` or `<resource>:write`, and the caller must hold one of the roles the operation names.";
      case JWT -> "a JSON Web Token sent as `Authorization: Bearer <token>`; its signature, issuer, audience and "
          + "expiry are checked, and the caller must hold one of the roles the operation names.";
      case API_KEY -> "an API key sent in the `" + API_KEY_HEADER + "` header. Keys are issued per client and "
          + "carry one role; the operation names the roles it allows.";
      case MTLS -> "mutual TLS. Callers present a client certificate issued by the system's certificate "
          + "authority; the certificate identifies the client and its role. OpenAPI 3.0 cannot declare mutual TLS "
          + "as a security scheme, so operations declare `security: []` and this text is the contract: a request "
          + "without a valid client certificate is refused during the TLS handshake.";
      case NONE -> "none. Every operation is open to any caller that can reach the API, and roles are not "
          + "enforced by it; keep the service internal or put an authenticating gateway in front of it.";
    };
  }

  /** What the OpenAPI document cannot say, or says differently from the requirements. */
  List<String> warnings(List<Entity> owned) {
    List<String> warnings = new ArrayList<>();
    if (authentication == Authentication.MTLS) {
      warnings.add("openapi: service '" + service.name() + "' uses mutual TLS, which OpenAPI 3.0 cannot declare as "
          + "a security scheme; its operations declare security: [] and info.description documents the mTLS "
          + "requirement.");
    }
    for (Entity e : owned) {
      Access access = access(e);
      if (access.write().contains(Security.ANONYMOUS) && authentication != Authentication.NONE) {
        warnings.add("openapi: service '" + service.name() + "': access to " + e.name() + " lets anonymous "
            + "callers write; the API still requires credentials for writes.");
      }
    }
    return warnings;
  }

  private Access access(Entity entity) {
    return rules.of(service, entity);
  }
}
