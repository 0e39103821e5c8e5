package dev.archforge.deliverable.security;

import java.util.List;

/**
 * The OWASP ASVS 4.0.3 requirements that a backend design can speak to, with their chapter and
 * the lowest level that requires them (ids and levels as in the standard's 4.0.3 release; the
 * wording is shortened). Requirements about browsers, passwords the system does not store, SOAP
 * or file uploads it does not have are left out; {@link AsvsMapper} says which apply to a plan.
 */
final class AsvsCatalog {
  /** One requirement: {@code V4.2.1}, level 1, its gist. */
  record Requirement(String id, int level, String gist) {
    String chapter() {
      return id.substring(0, id.indexOf('.'));
    }
  }

  static final List<String[]> CHAPTERS = List.of(
      new String[] {"V1", "Architecture, design and threat modeling"},
      new String[] {"V2", "Authentication"},
      new String[] {"V3", "Session management"},
      new String[] {"V4", "Access control"},
      new String[] {"V5", "Validation, sanitization and encoding"},
      new String[] {"V6", "Stored cryptography"},
      new String[] {"V7", "Error handling and logging"},
      new String[] {"V8", "Data protection"},
      new String[] {"V9", "Communication"},
      new String[] {"V10", "Malicious code"},
      new String[] {"V11", "Business logic"},
      new String[] {"V12", "Files and resources"},
      new String[] {"V13", "API and web service"},
      new String[] {"V14", "Configuration"});

  static final List<Requirement> REQUIREMENTS = List.of(
      r("V1.1.2", 2, "Threat modeling for every design change"),
      r("V1.1.4", 2, "Trust boundaries, components and significant data flows documented"),
      r("V1.2.2", 2, "Communication between components authenticated, with least privilege"),
      r("V1.4.1", 2, "Access control enforced at trusted enforcement points, never on the client"),
      r("V1.4.5", 2, "Authorization checks the feature or data item, not just the role"),
      r("V1.5.3", 2, "Input validation enforced on a trusted service layer"),
      r("V1.6.1", 2, "Explicit key management policy and key lifecycle"),
      r("V1.7.1", 2, "One logging format and approach across the system"),
      r("V1.7.2", 2, "Logs shipped securely to a remote system for analysis and alerting"),
      r("V1.8.1", 2, "Sensitive data identified and classified into protection levels"),
      r("V1.8.2", 2, "Each protection level has its protection requirements applied"),
      r("V1.9.1", 2, "Communication between components encrypted"),
      r("V1.14.1", 2, "Components of different trust levels segregated (firewall rules, proxies, security groups)"),
      r("V1.14.3", 2, "Build pipeline warns of out-of-date or insecure components"),
      r("V1.14.5", 2, "Deployments sandboxed or isolated at the network level"),
      r("V2.1.1", 1, "User passwords of at least 12 characters"),
      r("V2.2.1", 1, "Anti-automation against credential stuffing and brute force"),
      r("V2.4.1", 2, "Passwords stored salted and hashed with an approved function"),
      r("V2.10.1", 2, "Intra-service secrets do not rely on unchanging credentials"),
      r("V2.10.4", 2, "Secrets and API keys kept out of source code and repositories"),
      r("V3.3.2", 1, "Periodic re-authentication for long-lived logins"),
      r("V3.5.2", 2, "Session tokens rather than static API secrets"),
      r("V3.5.3", 2, "Stateless tokens signed and protected against tampering and replay"),
      r("V4.1.1", 1, "Access control rules enforced on a trusted service layer"),
      r("V4.1.3", 1, "Least privilege for every function and resource"),
      r("V4.1.5", 1, "Access controls fail securely"),
      r("V4.2.1", 1, "Protection against insecure direct object references (IDOR)"),
      r("V4.3.1", 1, "Administrative access uses multi-factor authentication"),
      r("V5.1.2", 1, "Protection against mass parameter assignment"),
      r("V5.1.3", 1, "All input validated with allow lists"),
      r("V5.1.4", 1, "Structured data strongly typed and validated against a schema"),
      r("V5.3.4", 1, "Parameterised queries against database injection"),
      r("V5.5.3", 1, "Deserialization of untrusted data avoided or protected"),
      r("V6.1.1", 2, "Regulated personal data encrypted at rest"),
      r("V6.1.2", 2, "Regulated health data encrypted at rest"),
      r("V6.1.3", 2, "Regulated financial data encrypted at rest"),
      r("V6.2.2", 2, "Proven cryptographic algorithms and libraries only"),
      r("V6.2.7", 3, "Encrypted data authenticated (AEAD, signatures or HMAC)"),
      r("V6.4.1", 2, "A secrets management solution creates, stores and destroys secrets"),
      r("V6.4.2", 2, "Key material stays in an isolated security module"),
      r("V7.1.1", 1, "No credentials or payment details in logs"),
      r("V7.1.2", 1, "No other sensitive data in logs"),
      r("V7.1.3", 2, "Security-relevant events logged"),
      r("V7.2.2", 2, "Access control decisions loggable, failures logged"),
      r("V7.3.1", 2, "Log data encoded against log injection"),
      r("V7.3.3", 2, "Security logs protected from unauthorised access and change"),
      r("V7.4.1", 1, "Generic error messages with an id for support"),
      r("V8.1.1", 2, "Sensitive data not cached in server components"),
      r("V8.1.4", 2, "Abnormal numbers of requests detected and alerted on"),
      r("V8.1.5", 3, "Regular backups with tested restores"),
      r("V8.1.6", 3, "Backups stored securely"),
      r("V8.3.1", 1, "Sensitive data in bodies or headers, never in query strings"),
      r("V8.3.2", 1, "Users can remove or export their data"),
      r("V8.3.4", 1, "Sensitive data identified, with a policy for handling it"),
      r("V8.3.5", 2, "Access to sensitive data audited without logging the data"),
      r("V8.3.8", 2, "Personal data subject to retention and deleted on schedule"),
      r("V9.1.1", 1, "TLS for all client connections, no fallback"),
      r("V9.1.3", 1, "Only TLS 1.2 and 1.3"),
      r("V9.2.2", 2, "TLS for all inbound and outbound connections, databases included"),
      r("V9.2.5", 3, "Backend TLS connection failures logged"),
      r("V10.3.2", 1, "Integrity protection of code (signing); nothing loaded from untrusted sources"),
      r("V11.1.1", 1, "Business logic flows processed in step order, without skipping steps"),
      r("V11.1.4", 1, "Anti-automation against excessive calls"),
      r("V11.1.5", 1, "Business logic limits against risks found by threat modeling"),
      r("V12.1.1", 1, "Large uploads refused"),
      r("V12.6.1", 1, "Allow list of systems the server may send requests to (SSRF)"),
      r("V13.1.3", 1, "API URLs expose no keys or tokens"),
      r("V13.1.4", 2, "Authorization at the URI and at the resource level"),
      r("V13.2.1", 1, "Enabled HTTP methods valid for the caller and action"),
      r("V13.2.2", 1, "JSON schema validation before accepting input"),
      r("V13.2.5", 2, "Incoming Content-Type checked"),
      r("V13.2.6", 2, "Headers and payload protected from modification in transit"),
      r("V13.4.1", 2, "GraphQL query allow list or depth and amount limits"),
      r("V13.4.2", 2, "GraphQL authorization in the business logic layer"),
      r("V14.1.1", 2, "Secure, repeatable build and deployment (CI/CD)"),
      r("V14.1.5", 3, "Integrity of security-relevant configuration verifiable"),
      r("V14.2.1", 1, "Components up to date, checked during the build"),
      r("V14.2.5", 2, "Software bill of materials maintained"),
      r("V14.3.2", 1, "Debug modes off in production"),
      r("V14.3.3", 1, "No version details of components in responses"),
      r("V14.4.1", 1, "Every response has a Content-Type"),
      r("V14.4.5", 1, "Strict-Transport-Security on every response"),
      r("V14.5.1", 1, "Only the HTTP methods in use are accepted"),
      r("V14.5.3", 1, "CORS with a strict allow list of origins"));

  private AsvsCatalog() {}

  private static Requirement r(String id, int level, String gist) {
    return new Requirement(id, level, gist);
  }

  /** The level an application needs: 3 for payment or health data, 2 for personal data or audited regimes. */
  static int level(SecurityFacts f) {
    var compliance = f.plan().requirements().compliance().stream().map(Object::toString).toList();
    String protection = f.data().protection();
    if (compliance.contains("pci-dss") || compliance.contains("hipaa") || protection.equals("regulated")) {
      return 3;
    }
    if (f.data().hasPii() || f.data().hasSecrets() || compliance.contains("gdpr") || compliance.contains("soc2")
        || compliance.contains("iso27001") || protection.equals("pii-protection")) {
      return 2;
    }
    return 1;
  }
}
