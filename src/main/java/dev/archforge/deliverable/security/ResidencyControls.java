package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsView.Status;
import dev.archforge.deliverable.security.ComplianceView.Regime;
import dev.archforge.deliverable.security.ComplianceView.Row;
import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Section;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.CellView;
import java.util.List;
import java.util.Optional;

/**
 * How {@code dataResidency} is enforced, for COMPLIANCE.md (a section of its own) and
 * THREAT-MODEL.md (one element per cell): a cell per jurisdiction, routing by the user's
 * jurisdiction, copies only inside a cell, and the coherence rule that checks every generated file.
 */
final class ResidencyControls {
  /** The coherence rule that proves no artifact places a cell's data outside its regions. */
  static final String RULE = "data-stays-in-cell";
  private final SecurityFacts f;
  private final Where where;
  private final List<CellView> cells;

  ResidencyControls(SecurityFacts facts) {
    this.f = facts;
    this.where = facts.where();
    this.cells = facts.plan().cells().residency() ? CellView.of(facts.plan()) : List.of();
  }

  /** The sentence of GDPR Art. 44 when an EU cell keeps EU users' data in the EU; empty otherwise. */
  Optional<String> euTransfers() {
    return cells.stream().filter(c -> c.jurisdiction().equals("eu")).findFirst().map(c -> "`dataResidency` keeps EU "
        + "users' data in the eu cell (" + String.join(", ", c.regions()) + "), replicas and backups included; "
        + "the `" + RULE + "` check fails any generated file that places it elsewhere; team: the identity provider and "
        + "support tooling");
  }

  Optional<Regime> regime() {
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = List.of(
        new Row("Cells", "A cell per jurisdiction", Status.MET, String.join("; ", cells.stream().map(c -> c.jurisdiction()
            + " serves from " + c.serving() + ", recovers in " + c.recovery()).toList()) + ": "
            + where.capacity("cells")),
        new Row("Routing", "Each user in their jurisdiction's cell", Status.SPECIFIED, "a cell router at the edge reads "
            + "the jurisdiction claim of the access token (set at sign-up, from the user's or tenant's home) and sends "
            + "the request to that cell; a cell refuses a token of another jurisdiction: "
            + where.decision("backup-dr")),
        new Row("Copies", "Replicas, standbys, backups, caches, topics", Status.MET, "placed only in the cell's regions, "
            + "never replicated between cells: " + String.join(", ", java.util.stream.Stream.of("database", "backup-dr",
                "caching", "messaging").filter(t -> !f.plan().chose(t, "none")).map(where::decision).toList())),
        new Row("Proof", "No artifact leaves its cell", Status.MET, "the `" + RULE + "` coherence rule reads every "
            + "generated file for region names and fails generation and `archforge validate` (exit 3) when a cell's "
            + "store, replica or backup points outside the cell"),
        new Row("Operations", "Logs, traces, support access", Status.TEAM, "team: keep logs, traces and backups per "
            + "cell; staff of one jurisdiction reach another's data only under that jurisdiction's rules"));
    List<String> remaining = rows.stream().filter(r -> r.status() == Status.TEAM)
        .map(r -> r.requirement() + " " + r.subject()).toList();
    return Optional.of(new Regime("Data residency", "`dataResidency: [" + String.join(", ", cells.stream()
        .map(CellView::jurisdiction).toList()) + "]`: the data of users in each jurisdiction stays in that "
        + "jurisdiction's regions, every copy included.", rows, remaining));
  }

  Optional<Section> threats() {
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Section("Data residency", "One cell per jurisdiction of `dataResidency`; each is a "
        + "complete copy of the system in its own regions.", cells.stream().map(this::cell).toList()));
  }

  private Element cell(CellView c) {
    String router = where.decision("backup-dr");
    return new Stride()
        .spoofing("A caller claims another jurisdiction to reach a cell that does not hold their data.",
            "The jurisdiction is a claim of the access token, set by the identity provider at sign-up; the cell "
                + "router and the cell check it with the token's signature, issuer and audience.", router, Risk.LOW)
        .tampering("A request for a " + c.jurisdiction() + " user is served by another cell and writes their data "
            + "there.", "The " + c.jurisdiction() + " cell refuses tokens of another jurisdiction; the router "
                + "redirects, never proxies with the data.", router, Risk.LOW)
        .repudiation("A transfer of data between cells cannot be traced.", "No generated artifact replicates between "
            + "cells; exports are operations of the services and logged in the cell.",
            where.section(Where.LOGGING), Risk.LOW)
        .disclosure("A replica, standby, backup copy, mirrored topic or cache replica of the " + c.jurisdiction()
            + " cell lands in a region outside " + c.title() + ".", "Every copy is placed in " + String.join(", ",
                c.regions()) + "; the `" + RULE + "` check fails any generated file that points the cell's data "
                + "elsewhere.", where.decision("backup-dr") + "; " + where.capacity("cells"), Risk.LOW)
        .denial("A regional outage takes the " + c.jurisdiction() + " cell down.", c.recovery().equals("none")
            ? "The jurisdiction has one region on this cloud: recovery is a restore from backups kept in it."
            : "The standby and backups in " + c.recovery() + " take over within the jurisdiction.",
            where.decision("backup-dr"), c.recovery().equals("none") ? Risk.MEDIUM : Risk.LOW)
        .elevation("Support staff or a global tool (logs, analytics) read another jurisdiction's personal data.",
            "Logs, traces and analytics are kept per cell; global views get aggregates without personal fields.",
            Where.team("per-cell log and analytics stores"), Risk.MEDIUM)
        .element("cell " + c.jurisdiction(), "cell", c.title() + ": serves from " + c.serving() + ", recovers in "
            + c.recovery() + ".");
  }
}
