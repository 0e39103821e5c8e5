package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.deliverable.security.ComplianceView.Row;
import java.util.ArrayList;
import java.util.List;

/** The HIPAA Security Rule, SOC 2 and ISO/IEC 27001 sections of COMPLIANCE.md. */
final class AuditRegimes {
  private final SecurityFacts f;
  private final Where where;

  AuditRegimes(SecurityFacts facts) {
    this.f = facts;
    this.where = facts.where();
  }

  private String cloud() {
    return switch (f.system().cloud()) {
      case AWS -> "AWS";
      case GCP -> "Google Cloud";
      case AZURE -> "Azure";
      case ANY -> "the chosen cloud";
    };
  }

  private Status matrix() {
    return f.matrix().services().isEmpty() ? Status.SPECIFIED : Status.MET;
  }

  List<Row> hipaa() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("§164.308(a)(1)(ii)(A)", "Risk analysis", Status.MET, Where.doc("THREAT-MODEL.md")
        + "; team: repeat it yearly and with each change"));
    rows.add(new Row("§164.308(a)(7)", "Contingency plan: backups, disaster recovery", Status.SPECIFIED,
        where.decision("backup-dr") + "; team: test the restore"));
    rows.add(new Row("§164.312(a)(1)", "Access control, unique user identification", matrix(),
        Where.doc("AUTHZ-MATRIX.md") + "; " + where.section(Where.AUTHENTICATION) + "; minimum necessary access "
            + "through " + where.decision("authorization")));
    rows.add(new Row("§164.312(a)(2)(iv)", "Encryption of health data at rest", Status.SPECIFIED,
        where.section(Where.CLASSIFICATION) + "; " + where.section(Where.ENCRYPTION)));
    rows.add(new Row("§164.312(b)", "Audit controls", Status.SPECIFIED, where.section(Where.LOGGING)));
    rows.add(new Row("§164.312(c)(1)", "Integrity", Status.SPECIFIED, "database constraints, signed tokens and "
        + "TLS: " + where.section(Where.VALIDATION)));
    rows.add(new Row("§164.312(d)", "Person or entity authentication", Status.SPECIFIED,
        where.section(Where.AUTHENTICATION)));
    rows.add(new Row("§164.312(e)(1)", "Transmission security", Status.SPECIFIED, where.section(Where.ENCRYPTION)));
    rows.add(new Row("§164.314(a)", "Business associate agreements", Status.TEAM, "team: a BAA with the cloud "
        + "provider and every vendor that touches health data"));
    rows.add(new Row("§164.316(b)(2)", "Documentation kept 6 years", Status.TEAM, "team: keep these documents "
        + "and the security logs 6 years"));
    return rows;
  }

  List<Row> soc2() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("CC6.1", "Logical access", matrix(), Where.doc("AUTHZ-MATRIX.md") + "; "
        + where.section(Where.AUTHENTICATION)));
    rows.add(new Row("CC6.6", "Boundary protection", Status.SPECIFIED, f.system().hasGateway() ? "the API gateway "
        + "and network rules: " + Where.doc("THREAT-MODEL.md") : "network rules: " + Where.doc("THREAT-MODEL.md")));
    rows.add(new Row("CC6.7", "Data in transmission", Status.SPECIFIED, where.section(Where.ENCRYPTION)));
    rows.add(new Row("CC6.8", "Unauthorised or malicious software", Status.SPECIFIED, "signed images and "
        + "scanning: " + where.section(Where.SCANNING)));
    rows.add(new Row("CC7.1", "Vulnerability and configuration monitoring", Status.SPECIFIED,
        where.section(Where.SCANNING)));
    rows.add(new Row("CC7.2", "Monitoring for anomalies", Status.SPECIFIED, where.operations("alerts on error "
        + "rates and saturation") + "; " + where.section(Where.LOGGING)));
    rows.add(new Row("CC7.3–CC7.5", "Incident response", Status.TEAM, "team: the incident process"
        + (f.plan().blueprint().deliverables().contains("observability") ? "; runbooks per alert in "
            + Md.link("RUNBOOK.md", "../observability/RUNBOOK.md") : "")));
    rows.add(new Row("CC8.1", "Change management", Status.SPECIFIED, "reviewed changes through the pipeline: "
        + where.section(Where.SCANNING)));
    rows.add(new Row("CC9.2", "Vendor management", Status.TEAM, "team: reviews of the cloud provider"
        + (f.system().authentication().equals("oidc") ? ", the identity provider" : "") + " and other vendors"));
    rows.add(new Row("A1.2", "Availability: backups and recovery", Status.SPECIFIED, where.decision("backup-dr")
        + "; " + where.operations("service level objectives")));
    rows.add(new Row("C1.1, C1.2", "Confidential information and its disposal", Status.SPECIFIED,
        where.section(Where.CLASSIFICATION)));
    return rows;
  }

  List<Row> iso27001() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("A.5.15", "Access control", matrix(), Where.doc("AUTHZ-MATRIX.md")));
    rows.add(new Row("A.5.17, A.8.5", "Authentication information, secure authentication", Status.SPECIFIED,
        where.section(Where.AUTHENTICATION)));
    rows.add(new Row("A.5.23", "Information security for cloud services", Status.TEAM, "team: the shared "
        + "responsibility model of " + cloud() + " and of each managed service used"));
    boolean users = f.system().authentication().equals("oidc") || f.system().authentication().equals("jwt");
    rows.add(new Row("A.8.2", "Privileged access rights", Status.SPECIFIED, (users ? "MFA for the roles that write: "
        : "one key or certificate per client, each with one role; administrative access outside the API needs MFA: ")
        + where.section(Where.AUTHENTICATION)));
    rows.add(new Row("A.8.8", "Management of technical vulnerabilities", Status.SPECIFIED,
        where.section(Where.SCANNING)));
    rows.add(new Row("A.8.9", "Configuration management", Status.SPECIFIED, "infrastructure as code, reviewed: "
        + where.section(Where.SCANNING)));
    rows.add(new Row("A.8.12", "Data leakage prevention", Status.SPECIFIED, where.section(Where.LOGGING) + "; "
        + where.section(Where.CLASSIFICATION)));
    rows.add(new Row("A.8.13", "Information backup", Status.SPECIFIED, where.decision("backup-dr")));
    rows.add(new Row("A.8.15, A.8.16", "Logging, monitoring activities", Status.SPECIFIED,
        where.section(Where.LOGGING) + "; " + where.operations("alerts")));
    rows.add(new Row("A.8.20, A.8.22", "Network security, segregation of networks", Status.SPECIFIED,
        where.section(Where.SERVICE_IDENTITY) + "; " + Where.doc("THREAT-MODEL.md")));
    rows.add(new Row("A.8.24", "Use of cryptography", Status.SPECIFIED, where.section(Where.ENCRYPTION)));
    rows.add(new Row("A.8.25, A.8.28", "Secure development, secure coding", Status.SPECIFIED,
        Where.doc("ASVS.md") + "; " + where.section(Where.SCANNING)));
    rows.add(new Row("Clauses 4–10", "The management system (scope, risk treatment, internal audit, review)",
        Status.TEAM, "team: the ISMS; " + Where.doc("THREAT-MODEL.md") + " feeds its risk assessment"));
    return rows;
  }
}
