package dev.archforge.decide;

import dev.archforge.model.Cell;
import dev.archforge.model.Cells;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the backups are copied: every backup and recovery plan but nightly snapshots copies them daily
 * to a second region, and that region is each cell's recovery region ({@link Cell#recovery()}), which
 * lies in the cell's jurisdiction. The backup-dr record gains the fact {@value #FACT} as a driver and
 * a consequence naming each cell's region and how the cloud copies; infra/ creates the copy and the
 * coherence rule backups-reach-recovery-region holds the production roots to the record.
 */
final class BackupCopies {
  static final String FACT = "cells.recovery";

  private BackupCopies() {}

  /** Each cell with the region its backups are copied to: {@code eu: eu-central-1; uk: none}. */
  static String fact(Cells cells) {
    return String.join("; ", cells.cells().stream().filter(c -> !c.serving().isEmpty())
        .map(c -> c.jurisdiction() + ": " + c.recovery().orElse("none")).toList());
  }

  /** Whether the plan copies backups to another region: every choice but nightly snapshots does. */
  static boolean copies(String backupDr) {
    return !backupDr.equals("daily-backups");
  }

  static Decision apply(Decision d, Cells cells, Cloud cloud, String database) {
    if (!d.topic().equals("backup-dr") || !copies(d.choice()) || fact(cells).isEmpty()) {
      return d;
    }
    List<String> consequences = new ArrayList<>(d.consequences());
    for (Cell c : cells.cells()) {
      if (c.serving().isEmpty()) {
        continue;
      }
      String cell = cells.residency() ? "The " + c.jurisdiction() + " cell's" : "The";
      consequences.add(c.recovery().map(to -> cell + " database backups go to " + to + ", a region of "
              + c.jurisdiction() + " (" + mechanism(cloud, database) + "); a regional disaster in "
              + c.primary().orElseThrow()
              + " is recovered by restoring there (observability/RUNBOOK.md).")
          .orElse(cell + " database backups stay in " + c.primary().orElseThrow() + ": " + c.jurisdiction()
              + " has no other region for them on " + cloud.spelling() + " (" + (cloud == Cloud.AZURE
              ? "Azure copies geo-redundant backups only to the region's pair, which lies outside the jurisdiction"
              + " or is not in the blueprint's regions table" : "the blueprint's regions table lists one")
              + "); losing that region is survived only by a copy in another account with object lock."));
    }
    List<Driver> drivers = new ArrayList<>(d.drivenBy());
    drivers.add(new Driver(FACT, fact(cells)));
    return new Decision(d.topic(), d.title(), d.question(), d.choice(), d.origin(), d.rule(), d.reasons(), drivers,
        d.options(), consequences, d.drafted(), d.trace());
  }

  /** The open question of a cell whose backups cannot leave its region, when the plan copies backups. */
  static Optional<String> question(Cells cells, Cloud cloud, String backupDr) {
    List<String> without = cells.cells().stream().filter(c -> !c.serving().isEmpty() && c.recovery().isEmpty())
        .map(Cell::jurisdiction).toList();
    if (!copies(backupDr) || without.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Where may the backups of " + String.join(", ", without) + " be copied? (backup-dr copies"
        + " backups to a second region of the same jurisdiction, but on " + cloud.spelling() + " there is none in the"
        + " blueprint's regions table: they stay in the primary region. Name one in the table, or accept a copy in"
        + " another account of the same region.)");
  }

  private static String mechanism(Cloud cloud, String database) {
    if (database.equals("dynamodb") && cloud == Cloud.AWS) {
      return "a daily AWS Backup of each DynamoDB table, copied into a vault of that region under a key of that"
          + " region; point-in-time recovery stays in the table's region";
    }
    if (!database.equals("postgresql") && !database.equals("mysql") && cloud != Cloud.ANY) {
      return "infra/ does not create the " + database + " store on " + cloud.spelling() + ": whoever runs it copies"
          + " its backups there";
    }
    return switch (cloud) {
      case AWS -> "RDS automated backups replication: snapshots and transaction logs, encrypted with a key of that"
          + " region, kept as long as the backups";
      case GCP -> "Cloud SQL's backup location: the automated backups are kept there, the transaction logs of"
          + " point-in-time recovery in the instance's region";
      case AZURE -> "geo-redundant backup, which Azure keeps in the primary region's pair, encrypted with a key and"
          + " identity of that region";
      default -> "the cloud's cross-region copy of automated backups";
    };
  }
}
