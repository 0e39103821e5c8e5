package dev.archforge.deliverable.migrations;

import java.util.List;

/**
 * What {@code migrations/dynamodb.json.ftl} prints: one service's DynamoDB table and access patterns,
 * the changelog of the design since its first version, and the table's point-in-time recovery window
 * in days (the backup-dr decision, facts/deploy/Backups; 0 when it keeps nightly snapshots only).
 */
public record DynamoView(String project, String service, DynamoTables.Design design,
    List<DynamoEvolution.Entry> changelog, int recoveryDays) {
  public DynamoView {
    changelog = List.copyOf(changelog);
  }

  public DynamoView(String project, String service, DynamoTables.Design design) {
    this(project, service, design, List.of(), 0);
  }
}
