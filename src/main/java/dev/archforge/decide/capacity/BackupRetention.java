package dev.archforge.decide.capacity;

/**
 * How long production keeps its backups, decided once from the backup-dr and data-protection
 * records: what infra/'s databases and db/'s DynamoDB tables keep (facts/deploy/Backups) and what
 * CAPACITY.md prices and says they keep.
 */
public final class BackupRetention {
  private BackupRetention() {}

  /** Nightly snapshots (backup-dr {@code daily-backups}) are kept 30 days. */
  public static final int NIGHTLY_DAYS = 30;

  /** Whether the backup-dr choice keeps point-in-time recovery: every choice but {@code daily-backups}. */
  public static boolean pitr(String backupDr) {
    return !backupDr.equals("daily-backups");
  }

  /**
   * Days backups (and the point-in-time window) are kept: {@value #NIGHTLY_DAYS} for nightly snapshots,
   * else 35 under a regulated data-protection decision (the longest window the managed databases and
   * DynamoDB offer) and 14 otherwise.
   */
  public static int days(String backupDr, String dataProtection) {
    return !pitr(backupDr) ? NIGHTLY_DAYS : dataProtection.equals("regulated") ? 35 : 14;
  }
}
