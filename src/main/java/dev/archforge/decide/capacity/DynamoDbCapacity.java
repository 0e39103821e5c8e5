package dev.archforge.decide.capacity;

/**
 * How a DynamoDB table is billed, decided once for the table design (db/&lt;service&gt;/dynamodb.json)
 * and the cost estimate: on-demand (per request) while the peak write rate is below
 * {@value #PROVISIONED_FROM_WRITES} writes/s; from there the load is a sustained stream, which
 * provisioned capacity carries for less, with {@code ceil(writeRps)} write units and
 * {@code ceil(readRps / 2)} read units (eventually consistent reads of up to 4 KB take half a unit).
 *
 * @param onDemand whether the table is billed per request
 * @param readUnits the provisioned read capacity units of a table
 * @param writeUnits the provisioned write capacity units of a table
 */
public record DynamoDbCapacity(boolean onDemand, long readUnits, long writeUnits) {
  /** Peak writes per second from which provisioned capacity is cheaper than on-demand for a steady load. */
  public static final double PROVISIONED_FROM_WRITES = 1000;
  /**
   * Days the daily AWS Backup of each table, and its copy in the recovery region, is kept when the table
   * has point-in-time recovery: each is a full backup, kept only to restore in the recovery region,
   * where the newest matters (logical damage is undone by point-in-time recovery in the table's region).
   */
  public static final int COPIED_BACKUP_DAYS = 7;
  /** Read request units per eventually consistent read of up to 4 KB. */
  static final double READ_UNITS_PER_READ = 0.5;

  /** The billing mode and units for these peak rates. */
  public static DynamoDbCapacity of(double writeRps, double readRps) {
    return new DynamoDbCapacity(writeRps < PROVISIONED_FROM_WRITES, Math.max(1, (long) Math.ceil(readRps / 2)),
        Math.max(1, (long) Math.ceil(writeRps)));
  }
}
