package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.SecurityView.Section;
import dev.archforge.deliverable.security.SecurityView.Setting;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/** SECURITY.md's authentication, authorization and service-to-service identity, per the decisions. */
final class AccessSections {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final int level;

  AccessSections(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.level = AsvsCatalog.level(facts);
  }

  Section authentication() {
    String decided = "Authentication is " + Md.code(sys.authentication()) + " (" + f.where().decision(
        "authentication") + ").";
    String writers = Md.codes(AuthzMatrixBuilder.writers(f.matrix()));
    String mfa = level >= 3 ? "MFA for every role" : "MFA for the roles that write (" + writers + ")";
    String session = switch (level) {
      case 3 -> "12 hours at most, ended after 15 minutes without use (ASVS level 3)";
      case 2 -> "12 hours at most, ended after 30 minutes without use (ASVS level 2)";
      default -> "30 days at most (ASVS level 1)";
    };
    List<Setting> s = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>(List.of(decided));
    switch (sys.authentication()) {
      case "oidc" -> {
        paragraphs.add("Users sign in at the identity provider (discovery document "
            + Md.code(f.defaults().oidcDiscoveryUrl()) + "); no service stores or sees a password.");
        items.add("Browser and mobile apps: authorization code flow with PKCE (`S256`); the implicit and password "
            + "grants are disabled.");
        items.add("Machine clients: client credentials, one client per integration, authenticated with "
            + "`private_key_jwt` or a secret from the secrets store.");
        items.add(mfa + ", enforced by the identity provider; breached-password checks and login throttling there.");
        s.add(new Setting("Access token lifetime", level >= 3 ? "5 minutes" : "10 minutes"));
        s.add(new Setting("Refresh token", "rotated on every use with reuse detection; login lasts " + session));
        s.add(new Setting("Token checks in every service", "signature against the provider's JWKS (`RS256` or "
            + "`ES256` only), `iss`, `aud` (the service's own API identifier), `exp` and `nbf` with 60 s skew, "
            + "and the operation's scope"));
        s.add(new Setting("Signing key rotation", "by the identity provider every 90 days; the next key is "
            + "published in the JWKS a day before use; services cache the JWKS for an hour and refetch on an "
            + "unknown `kid`"));
        s.add(new Setting("Revocation", "logout revokes the refresh token; access tokens end at expiry"));
      }
      case "jwt" -> {
        paragraphs.add("The system's token service issues JSON Web Tokens; every service verifies them with the "
            + "published public keys.");
        items.add("Passwords are hashed with Argon2id (19 MiB memory, 2 iterations, 1 lane) and checked against "
            + "breached-password lists; at most 100 failed logins per account and hour.");
        items.add(mfa + " (TOTP or WebAuthn) in the token service.");
        s.add(new Setting("Access token lifetime", level >= 3 ? "5 minutes" : "15 minutes"));
        s.add(new Setting("Refresh token", "opaque, stored hashed, rotated on every use; login lasts " + session));
        s.add(new Setting("Signing keys", "`ES256`, private keys in " + f.data().keys() + " and never exported; "
            + "public keys at the token service's JWKS endpoint"));
        s.add(new Setting("Key rotation", "every 90 days, overlapping: a new key signs, the old one stays in the "
            + "JWKS until the last token it signed has expired"));
        s.add(new Setting("Token checks in every service", "signature, `iss`, `aud`, `exp`; `alg` fixed to "
            + "`ES256`"));
      }
      case "api-key" -> {
        paragraphs.add("Each client sends its key in the `X-API-Key` header; a key identifies one client and "
            + "carries one role.");
        s.add(new Setting("Key format", "32 random bytes, with a public prefix to find it; shown once at issue"));
        s.add(new Setting("Storage", "HMAC-SHA-256 of the key with a pepper from the secrets store; never the key"));
        s.add(new Setting("Rotation", "two active keys per client; keys expire after " + (level >= 2 ? "90" : "365")
            + " days"));
        s.add(new Setting("Revocation", "immediate; services cache key lookups for at most 60 seconds"));
        s.add(new Setting("Where it is checked", sys.hasGateway() ? "at the API gateway, and again in each service"
            : "in each service"));
        items.add("Keys travel only in the header: never in URLs, never in logs (only the prefix is logged).");
      }
      case "mtls" -> {
        paragraphs.add("Clients present certificates from the system's private certificate authority; the "
            + "certificate subject maps to a client and its role.");
        s.add(new Setting("Certificate lifetime", "24 hours, renewed automatically at two thirds"));
        s.add(new Setting("Identity", "the URI SAN of the certificate; a table kept by administrators maps it to "
            + "a role"));
        s.add(new Setting("CA key", "in " + f.data().keys() + " or an HSM, never exported"));
        s.add(new Setting("Revocation", "short lifetimes; a deny list for compromised subjects"));
      }
      default -> {
        paragraphs.add("**No caller is authenticated.** Public services "
            + Md.codes(sys.publicServices().stream().map(Service::name).toList()) + " are open to anyone who "
            + "reaches them; put an authenticating proxy or a private network in front of them before go-live.");
      }
    }
    return new Section(paragraphs, items, s.isEmpty() ? "" : "Setting", s);
  }

  Section authorization() {
    String model = f.choice("authorization", "rbac");
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Authorization is " + Md.code(model) + " (" + f.where().decision("authorization") + ") over the "
        + "roles " + Md.codes(f.plan().requirements().security().roles()) + ". Every operation names the roles it "
        + "allows; anything else is refused (deny by default). The full table is "
        + Where.doc("AUTHZ-MATRIX.md") + ".");
    List<String> defaulted = f.access().defaulted().stream().map(d -> Md.code(d.entity()) + " (" + Md.code(d.service())
        + ")").toList();
    if (!defaulted.isEmpty()) {
      paragraphs.add("The requirements state no access for " + Md.and(defaulted) + ": only "
          + Md.and(f.access().privileged().stream().map(Md::code).toList()) + " may read or write "
          + (defaulted.size() == 1 ? "it" : "them") + " until they do.");
    }
    if (model.equals("abac")) {
      paragraphs.add("Attribute checks follow the role check: policies written as code (OPA/Rego or Cedar), "
          + "tested in CI and evaluated in-process, compare the caller's attributes"
          + f.tenantField().map(t -> " (its tenant, " + Md.code(t) + ")").orElse("") + " with the record's. Each "
          + "decision is logged.");
    } else {
      paragraphs.add("Roles allow an operation on every record of its type; rules about ownership (a caller sees "
          + "only their own records) are written in each service and covered by tests.");
      f.tenantField().ifPresent(t -> paragraphs.add("The records carry " + Md.code(t) + ", a tenant: roles do not "
          + "isolate tenants, so every query filters by the caller's tenant"
          + (sys.databaseChoice().equals("postgresql") ? " and PostgreSQL row-level security enforces it"
              : sys.databaseChoice().equals("distributed-sql") ? " and CockroachDB row-level security enforces it" : "")
          + "."));
    }
    List<Setting> roles = new ArrayList<>();
    for (String role : f.matrix().roles()) {
      List<String> writes = new ArrayList<>();
      List<String> reads = new ArrayList<>();
      for (var m : f.matrix().services()) {
        for (var r : m.rows()) {
          if (r.roles().contains(role)) {
            List<String> target = r.write() ? writes : reads;
            if (!target.contains(r.entity())) {
              target.add(r.entity());
            }
          }
        }
      }
      reads.removeAll(writes);
      String rule = (writes.isEmpty() ? "writes nothing" : "reads and writes " + Md.codes(writes))
          + (reads.isEmpty() ? "" : "; only reads " + Md.codes(reads));
      roles.add(new Setting(role, rule));
    }
    return new Section(paragraphs, List.of(), f.matrix().services().isEmpty() ? "" : "Role", roles);
  }

  Section identity() {
    List<String> paragraphs = new ArrayList<>();
    List<String> items = new ArrayList<>();
    String mesh = null;
    String workload = switch (sys.cloud()) {
      case AWS -> "IAM Roles for Service Accounts (IRSA)";
      case GCP -> "GKE Workload Identity";
      case AZURE -> "Microsoft Entra Workload ID";
      case ANY -> "the cluster's workload identity federation";
    };
    if (sys.monolith()) {
      paragraphs.add("One deployable, " + Md.code(sys.deployable()) + ": modules call each other in-process, so "
          + "no call between services crosses the network.");
    } else if (sys.kubernetes()) {
      mesh = "Each service runs under its own Kubernetes service account. Calls between services use mutual TLS "
          + "from a service mesh (Istio or Linkerd) with SPIFFE identities, and the mesh's authorization policies "
          + "admit only the callers the requirements name:";
      for (Service callee : sys.services()) {
        List<String> callers = new ArrayList<>(sys.calls().stream().filter(c -> c.to() == callee)
            .map(c -> Md.code(c.from().name())).toList());
        if (callee.isPublic()) {
          callers.add(sys.hasGateway() ? "the API gateway" : "the load balancer");
        }
        items.add(Md.code(callee.name()) + " accepts calls " + (callers.isEmpty() ? "from no other service"
            : "only from " + Md.and(callers)) + ".");
      }
    } else {
      paragraphs.add("Each service has its own machine identity (" + (sys.deployment().equals("vm")
          ? "an instance role" : "a function role") + ") and calls others over TLS with credentials from it.");
    }
    if (sys.kubernetes()) {
      paragraphs.add("Access to the cloud's services (the secrets store, KMS"
          + (sys.databases().isEmpty() ? "" : ", the database") + ") uses " + workload + ": no long-lived cloud "
          + "keys in pods.");
    }
    if (!sys.monolith() && !sys.calls().isEmpty() && f.authenticated()) {
      paragraphs.add("A call made on a user's behalf forwards the user's credential, so the callee authorizes the "
          + "user; the workload identity only proves which service is calling.");
    }
    if (mesh != null) {
      paragraphs.add(mesh);
    }
    return Section.of(paragraphs, items);
  }
}
