package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostLines.monthly;
import static dev.archforge.decide.capacity.CostLines.round;


/**
 * DynamoDB as it is billed. On demand: write and read request units per million, from the peak
 * rates turned into monthly volumes; provisioned ({@link DynamoDbCapacity}): write and read capacity
 * units per month for every service's table. Then storage and point-in-time recovery per GB-month.
 * With several regions the tables are global tables: a replica in every region, each holding the
 * data, and every write replicated to each other region.
 */
final class DynamoDbCosts {
  /** Days in the month of the estimate (secondsPerMonth: 30 days). */
  static final int DAYS_PER_MONTH = 30;
  private final CostLines l;

  DynamoDbCosts(CostLines lines) {
    this.l = lines;
  }

  void add() {
    int regions = l.regions;
    int others = regions - 1;
    double uncached = l.isChosen("caching") ? 1 - DatabaseSize.CACHE_HIT_SHARE : 1;
    DynamoDbCapacity mode = DynamoDbCapacity.of(l.value("writeRps"), l.value("readRps"));
    if (mode.onDemand()) {
      double writes = monthly(l.value("writeRps")) / 1e6;
      l.add(CostItems.DYNAMODB + " writes (on-demand)", n(round(writes)) + " million write request units/month = writeRps "
              + n(l.value("writeRps")) + " × averageToPeak × seconds per month (one unit per item of up to 1 KB; on"
              + " demand below " + n(DynamoDbCapacity.PROVISIONED_FROM_WRITES) + " writes/s at peak)",
          writes * l.price("dynamoWriteMillion"), "writeRps × averageToPeak × secondsPerMonth / 1e6 × dynamoWriteMillion",
          "dynamoWriteMillion");
      double reads = monthly(l.value("readRps") * uncached) * DynamoDbCapacity.READ_UNITS_PER_READ / 1e6;
      l.add(CostItems.DYNAMODB + " reads (on-demand)", n(round(reads)) + " million read request units/month = readRps "
              + n(l.value("readRps")) + " × " + n(uncached) + " uncached × averageToPeak × seconds per month × "
              + n(DynamoDbCapacity.READ_UNITS_PER_READ) + " unit (eventually consistent, up to 4 KB)",
          reads * l.price("dynamoReadMillion"), "readRps × uncached × averageToPeak × secondsPerMonth × "
              + n(DynamoDbCapacity.READ_UNITS_PER_READ) + " / 1e6 × dynamoReadMillion", "dynamoReadMillion");
      if (others > 0) {
        double replicated = writes * others;
        l.add(CostItems.DYNAMODB + " replicated writes (global tables)", n(round(replicated))
                + " million replicated write units/month = " + n(round(writes)) + " million writes × " + others
                + " other region(s)",
            replicated * l.price("dynamoReplicatedWriteMillion"),
            "writeRps × averageToPeak × secondsPerMonth / 1e6 × otherRegions × dynamoReplicatedWriteMillion",
            "dynamoReplicatedWriteMillion");
      }
    } else {
      long tables = l.r.services().stream().filter(s -> !s.entities().isEmpty()).count();
      String writePrice = others > 0 ? "dynamoReplicatedWcuMonth" : "dynamoWcuMonth";
      l.add(CostItems.DYNAMODB + " write capacity (provisioned)", tables + " table(s) × " + mode.writeUnits()
              + " write units = ceil(writeRps) × " + regions + " region(s)" + (others > 0
              ? " (replicated write units: every replica applies every write)" : "") + "; provisioned from "
              + n(DynamoDbCapacity.PROVISIONED_FROM_WRITES) + " writes/s at peak",
          tables * mode.writeUnits() * regions * l.price(writePrice),
          "tables × ceil(writeRps) × regions × " + writePrice, writePrice);
      l.add(CostItems.DYNAMODB + " read capacity (provisioned)", tables + " table(s) × " + mode.readUnits()
              + " read units = ceil(readRps / 2) × " + regions + " region(s)",
          tables * mode.readUnits() * regions * l.price("dynamoRcuMonth"),
          "tables × ceil(readRps / 2) × regions × dynamoRcuMonth", "dynamoRcuMonth");
    }
    double gb = l.value("storageGb12");
    l.add(CostItems.DYNAMODB + " storage", n(gb) + " GB (data after 12 months) × " + regions + " region(s)",
        gb * l.price("dynamoStorageGbMonth") * regions, "storageGb12 × dynamoStorageGbMonth × regions",
        "dynamoStorageGbMonth");
    String backupDr = l.choice("backup-dr", "point-in-time-recovery");
    boolean pitr = BackupRetention.pitr(backupDr);
    if (l.cloud().equals("aws")) {
      backups(gb, pitr);
    } else if (!pitr) {
      l.add(CostItems.BACKUPS, n(gb) + " GB of on-demand backups (data after 12 months)", gb * l.price("backupGbMonth"),
          "storageGb12 × backupGbMonth", "backupGbMonth");
    }
    if (pitr) {
      l.add(CostItems.DYNAMODB + " point-in-time recovery", n(gb) + " GB (data after 12 months) × " + regions
              + " region(s), continuous backups for "
              + BackupRetention.days(backupDr, l.choice("data-protection", "")) + " days (RecoveryPeriodInDays)",
          gb * l.price("dynamoPitrGbMonth") * regions, "storageGb12 × dynamoPitrGbMonth × regions",
          "dynamoPitrGbMonth");
    }
  }

  /**
   * On aws, infra/'s daily AWS Backup of the tables, each backup a full copy of the data: kept
   * {@link BackupRetention#NIGHTLY_DAYS} days
   * under nightly snapshots; with point-in-time recovery kept {@link DynamoDbCapacity#COPIED_BACKUP_DAYS}
   * days and copied to the recovery region, each day's copy crossing regions.
   */
  private void backups(double gb, boolean pitr) {
    int days = pitr ? DynamoDbCapacity.COPIED_BACKUP_DAYS : BackupRetention.NIGHTLY_DAYS;
    l.add(pitr ? CostItems.DYNAMODB + " daily backups" : CostItems.BACKUPS, n(gb) + " GB (data after 12 months) × "
            + days + " daily full backups kept (AWS Backup)" + (pitr ? " × 2 (a copy in the recovery region)" : ""),
        gb * days * (pitr ? 2 : 1) * l.price("dynamoBackupGbMonth"), "storageGb12 × " + days + (pitr ? " × 2" : "")
            + " × dynamoBackupGbMonth", "dynamoBackupGbMonth");
    if (pitr) {
      double month = gb * DAYS_PER_MONTH;
      l.add(CostItems.BACKUP_TRANSFER, n(month) + " GB a month to the recovery region = storageGb12 " + n(gb) + " × "
              + DAYS_PER_MONTH + " daily full copies",
          month * l.price("crossRegionGb"), "storageGb12 × " + DAYS_PER_MONTH + " × crossRegionGb",
          "crossRegionGb");
    }
  }
}
