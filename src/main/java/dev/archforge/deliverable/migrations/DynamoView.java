package dev.archforge.deliverable.migrations;

import java.util.List;

/**
 * What {@code migrations/dynamodb.json.ftl} prints: one service's DynamoDB table and access patterns,
 * and the changelog of the design since its first version.
 */
public record DynamoView(String project, String service, DynamoTables.Design design,
    List<DynamoEvolution.Entry> changelog) {
  public DynamoView {
    changelog = List.copyOf(changelog);
  }

  public DynamoView(String project, String service, DynamoTables.Design design) {
    this(project, service, design, List.of());
  }
}
