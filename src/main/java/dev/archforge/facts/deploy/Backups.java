package dev.archforge.facts.deploy;

import dev.archforge.decide.capacity.BackupRetention;
import dev.archforge.decide.capacity.DynamoDbCapacity;
import dev.archforge.model.Plan;

/**
 * How the backup-dr decision backs up every data store the plan keeps: point-in-time recovery or
 * nightly snapshots only, how many days either is kept, and whether the backups are copied to the
 * recovery region. The SQL databases of infra/, the DynamoDB tables of db/ (their continuous backups)
 * and infra/'s AWS Backup plan of those tables all read it here.
 *
 * @param pitr point-in-time recovery (every choice but {@code daily-backups})
 * @param retentionDays how long backups (and the point-in-time window) are kept in production
 *     ({@link BackupRetention#days}, which CAPACITY.md states too)
 * @param copies whether backups are copied daily to the recovery region (every choice but nightly snapshots)
 */
public record Backups(boolean pitr, int retentionDays, boolean copies) {
  /**
   * Days the daily AWS Backup of the DynamoDB tables (each a full backup) and its copy are kept: a week
   * when the tables have point-in-time recovery and the backups serve the recovery region only
   * ({@link DynamoDbCapacity#COPIED_BACKUP_DAYS}, as CAPACITY.md prices them), else {@link #retentionDays}.
   */
  public int tableBackupDays() {
    return pitr ? DynamoDbCapacity.COPIED_BACKUP_DAYS : retentionDays;
  }

  public static Backups of(Plan plan) {
    String backupDr = Deployables.choice(plan, "backup-dr", "point-in-time-recovery");
    boolean pitr = BackupRetention.pitr(backupDr);
    return new Backups(pitr, BackupRetention.days(backupDr, Deployables.choice(plan, "data-protection", "")), pitr);
  }
}
