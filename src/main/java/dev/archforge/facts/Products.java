package dev.archforge.facts;

import dev.archforge.model.Cloud;

/** The product names of the database and broker the plan chose, for documents and diagrams. */
public final class Products {
  private Products() {}

  /** {@code postgresql} → {@code PostgreSQL}. */
  public static String database(String choice) {
    return switch (choice) {
      case "postgresql" -> "PostgreSQL";
      case "mysql" -> "MySQL";
      case "mongodb" -> "MongoDB";
      case "dynamodb" -> "DynamoDB";
      case "cassandra" -> "Cassandra";
      case "distributed-sql" -> "CockroachDB";
      default -> choice;
    };
  }

  /** {@code kafka} → {@code Kafka}; {@code cloud-pubsub} → the cloud's publish/subscribe service. */
  public static String broker(String choice, Cloud cloud) {
    return switch (choice) {
      case "kafka" -> "Kafka";
      case "rabbitmq" -> "RabbitMQ";
      case "cloud-pubsub" -> switch (cloud) {
        case AWS -> "Amazon SNS and SQS";
        case GCP -> "Google Cloud Pub/Sub";
        case AZURE -> "Azure Service Bus";
        case ANY -> "the cloud's publish/subscribe service";
      };
      default -> choice;
    };
  }
}
