package dev.archforge.deliverable.migrations;

/** What {@code migrations/dynamodb.json.ftl} prints: one service's DynamoDB table and access patterns. */
public record DynamoView(String project, String service, DynamoTables.Design design) {}
