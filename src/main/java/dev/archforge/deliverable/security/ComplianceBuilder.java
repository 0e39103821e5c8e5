package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.deliverable.security.ComplianceView.Regime;
import dev.archforge.deliverable.security.ComplianceView.Row;
import dev.archforge.model.Compliance;
import java.util.ArrayList;
import java.util.List;

/** Assembles COMPLIANCE.md: one section per regime the requirements name. */
final class ComplianceBuilder {
  private ComplianceBuilder() {}

  static String heading(Compliance c) {
    return switch (c) {
      case GDPR -> "GDPR";
      case PCI_DSS -> "PCI DSS v4.0";
      case HIPAA -> "HIPAA Security Rule";
      case SOC2 -> "SOC 2";
      case ISO27001 -> "ISO/IEC 27001:2022";
    };
  }

  static ComplianceView build(SecurityFacts f) {
    PrivacyRegimes privacy = new PrivacyRegimes(f);
    AuditRegimes audit = new AuditRegimes(f);
    List<Regime> regimes = new ArrayList<>();
    for (Compliance c : f.plan().requirements().compliance()) {
      List<Row> rows = switch (c) {
        case GDPR -> privacy.gdpr();
        case PCI_DSS -> privacy.pci();
        case HIPAA -> audit.hipaa();
        case SOC2 -> audit.soc2();
        case ISO27001 -> audit.iso27001();
      };
      List<String> remaining = rows.stream().filter(r -> r.status() == Status.TEAM)
          .map(r -> r.requirement() + " " + r.subject()).toList();
      regimes.add(new Regime(heading(c), scope(f, c), rows, remaining));
    }
    new ResidencyControls(f).regime().ifPresent(regimes::add);
    return new ComplianceView(f.plan().requirements().project().displayTitle(), regimes);
  }

  private static String scope(SecurityFacts f, Compliance c) {
    long personal = f.data().entityFields().stream().filter(SecurityView.FieldRow::pii).count();
    long secret = f.data().entityFields().stream().filter(SecurityView.FieldRow::secret).count();
    return switch (c) {
      case GDPR -> "Applies to the " + personal + " personal field(s) of the classification and to every "
          + "copy of them (events, caches, logs, backups).";
      case PCI_DSS -> "Applies to the cardholder data environment: the services holding the " + secret
          + " secret field(s), their databases and every system connected to them.";
      case HIPAA -> "Applies to electronic protected health information: every personal field ("
          + personal + ") and every system that stores or carries it.";
      case SOC2 -> "The Trust Services Criteria (2017) for security, availability and confidentiality, as far as "
          + "the design reaches.";
      case ISO27001 -> "The Annex A controls the design implements; the management system itself is the "
          + "organisation's.";
    };
  }
}
