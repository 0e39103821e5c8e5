package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.SecurityView.Section;
import dev.archforge.deliverable.security.SecurityView.Setting;
import java.util.ArrayList;
import java.util.List;

/** SECURITY.md's secrets management, encryption and data classification, per the decisions. */
final class ProtectionSections {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final String secrets;

  ProtectionSections(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.secrets = facts.choice("secrets", "kubernetes-secrets");
  }

  Section secrets() {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Secrets live in " + store() + " (" + f.where().decision("secrets") + "). None is committed to "
        + "Git, baked into an image or written to a log; services read them from mounted files at start and "
        + "reload them on rotation.");
    String rotation = secrets.equals("vault") ? "dynamic, leased to each pod for hours" : "rotated every 90 days, "
        + "automated";
    List<Setting> rows = new ArrayList<>();
    for (SystemComponents.Store d : sys.databases()) {
      rows.add(new Setting(d.name() + " credentials", "used by " + Md.code(d.deployable()) + "; " + rotation));
    }
    if (sys.hasBroker()) {
      rows.add(new Setting(sys.broker() + " credentials", "one per deployable (" + Md.codes(sys.deployables())
          + "); rotated every 90 days"));
    }
    if (sys.hasCache()) {
      rows.add(new Setting("Redis ACL passwords", "one per deployable; rotated every 90 days"));
    }
    switch (sys.authentication()) {
      case "oidc" -> rows.add(new Setting("OIDC client credentials", "one client per machine integration and per "
          + "service that acts on its own; rotated every 90 days"));
      case "jwt" -> rows.add(new Setting("Token signing keys", "in " + f.data().keys() + ", never exported; "
          + "rotated every 90 days"));
      case "api-key" -> rows.add(new Setting("API key pepper", "for the key hashes; rotated yearly with re-hashing "
          + "on next use"));
      case "mtls" -> rows.add(new Setting("CA signing key", "in " + f.data().keys() + " or an HSM"));
      default -> { }
    }
    if (f.data().hasSecrets() || f.data().fieldLevelPii() && f.data().hasPii()) {
      rows.add(new Setting("Field encryption keys", "key-encryption keys in " + f.data().keys() + ", one per "
          + "service; data keys wrapped by them; rotated yearly"));
    }
    if (sys.cdn()) {
      rows.add(new Setting("CDN origin secret", "a header only the CDN sends; rotated every 90 days"));
    }
    return new Section(paragraphs, List.of(), "Secret", rows);
  }

  private String store() {
    return switch (secrets) {
      case "vault" -> "HashiCorp Vault (highly available, auto-unsealed through a KMS), delivered to "
          + (sys.kubernetes() ? "pods by the Vault agent" : "each instance by the Vault agent") + "; database "
          + "credentials are dynamic";
      case "cloud-secret-manager" -> switch (sys.cloud()) {
        case AWS -> "AWS Secrets Manager";
        case GCP -> "Google Secret Manager";
        case AZURE -> "Azure Key Vault";
        case ANY -> "the cloud's secret manager";
      } + (sys.kubernetes() ? ", synced into the namespaces that need them by External Secrets Operator"
          : ", referenced by name from each deployable's descriptor and read under its own identity");
      case "kubernetes-secrets" -> "Kubernetes Secrets with envelope encryption in etcd, created by the pipeline "
          + "from sealed sources (Sealed Secrets or SOPS); only each deployable's service account may read its own";
      default -> Md.code(secrets);
    };
  }

  Section encryption() {
    List<String> transit = new ArrayList<>();
    String edge = sys.cdn() ? "the CDN" + (sys.hasGateway() ? " and the API gateway" : "")
        : sys.hasGateway() ? "the API gateway" : "the load balancers";
    transit.add("From clients: TLS 1.2 or 1.3 only at " + edge + ", with `Strict-Transport-Security: "
        + "max-age=31536000; includeSubDomains` on every response; no plain-HTTP listener.");
    if (!sys.monolith()) {
      transit.add("Between services: mutual TLS for every call of " + Md.codes(sys.calls().stream()
          .map(SystemComponents.CallEdge::label).toList()) + ".");
    }
    if (!sys.databases().isEmpty()) {
      transit.add("To " + sys.database() + ": TLS with the server certificate verified ("
          + (sys.databaseChoice().matches("postgresql|distributed-sql") ? "`sslmode=verify-full`" : "certificate verification on")
          + ").");
    }
    if (sys.hasCache()) {
      transit.add("To Redis: TLS on the managed service.");
    }
    if (sys.hasBroker()) {
      transit.add("To " + sys.broker() + ": TLS, with per-service credentials.");
    }
    List<String> rest = new ArrayList<>();
    rest.add("Databases, their snapshots and backups are encrypted with customer-managed keys in "
        + f.data().keys() + ".");
    if (sys.hasBroker()) {
      rest.add(sys.broker() + " storage is encrypted the same way.");
    }
    if (sys.hasCache()) {
      rest.add("Redis encrypts its memory snapshots at rest.");
    }
    rest.add(f.data().entityFields().isEmpty() ? "No field is marked pii or secret, so no field-level encryption "
        + "is needed." : "Fields marked secret" + (f.data().fieldLevelPii() ? " or pii" : "") + " are encrypted "
        + "field by field before they reach the database, with AES-256-GCM through the KMS client library; see "
        + "the classification below.");
    return new Section(List.of(), concat("In transit — ", transit, "At rest — ", rest), "", List.of());
  }

  private static List<String> concat(String a, List<String> first, String b, List<String> second) {
    List<String> all = new ArrayList<>();
    first.forEach(x -> all.add(a + x));
    second.forEach(x -> all.add(b + x));
    return all;
  }

  Section classification() {
    List<String> paragraphs = new ArrayList<>();
    String protection = f.data().protection();
    paragraphs.add("Data protection is " + Md.code(protection) + " (" + f.where().decision("data-protection")
        + "). Every field marked pii or secret in the requirements, with where it lives and how it is protected; "
        + "fields not listed are internal data, protected by access control and storage encryption.");
    if (protection.equals("regulated")) {
      paragraphs.add("Because data protection is regulated, card numbers and health records are tokenised — the "
          + "services store a token, the value stays in a vault service inside the compliance scope — and every "
          + "access to a classified field is audited.");
    }
    if (protection.equals("baseline") && f.data().hasPii()) {
      paragraphs.add("Personal fields are protected by storage encryption only; choose `pii-protection` to "
          + "encrypt them field by field.");
    }
    if (f.data().entityFields().isEmpty()) {
      paragraphs.add("No field of the requirements is marked pii or secret.");
    }
    List<String> items = new ArrayList<>();
    if (!f.data().entityFields().isEmpty() && (sys.hasCache() || sys.cdn())) {
      items.add("Caches never hold secret fields; personal fields only with a TTL of 15 minutes or less.");
    }
    if (!f.data().eventFields().isEmpty()) {
      items.add("Events carrying classified fields are listed in the second table: their consumers handle those "
          + "fields as their owner does.");
    }
    return Section.of(paragraphs, items);
  }
}
