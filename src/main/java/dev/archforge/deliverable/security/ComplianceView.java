package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Status;
import java.util.List;

/**
 * What {@code security/COMPLIANCE.md} shows: one section per regime named under
 * {@code compliance:}, each requirement of the regime that bears on the design with how the design
 * meets it (or that the team must), and what remains.
 */
public record ComplianceView(String title, List<Regime> regimes) {
  public ComplianceView {
    regimes = List.copyOf(regimes);
  }

  /** One regime: its heading, what it covers here, its rows and what remains for the team. */
  public record Regime(String heading, String scopeMd, List<Row> rows, List<String> remainingMd) {
    public Regime {
      rows = List.copyOf(rows);
      remainingMd = List.copyOf(remainingMd);
    }
  }

  /** A requirement of the regime, e.g. {@code Art. 32} or {@code Req. 8.4.2}, and how it is met. */
  public record Row(String requirement, String subject, Status status, String howMd) {}
}
