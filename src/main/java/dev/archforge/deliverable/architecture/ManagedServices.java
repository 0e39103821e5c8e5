package dev.archforge.deliverable.architecture;

import dev.archforge.facts.Products;
import dev.archforge.model.Cloud;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the technologies the plan chose and of the managed offerings that run them on the
 * project's cloud, for diagram labels and prose. {@code any} names the technology only.
 */
final class ManagedServices {
  private ManagedServices() {}

  /** {@code postgresql} → {@code PostgreSQL}. */
  static String database(String choice) {
    return Products.database(choice);
  }

  /** {@code kafka} → {@code Kafka}; {@code cloud-pubsub} → the cloud's pub/sub service (shorter for labels). */
  static String broker(String choice, Cloud cloud) {
    return choice.equals("cloud-pubsub") && cloud == Cloud.ANY ? "the cloud's pub/sub service"
        : Products.broker(choice, cloud);
  }

  /** The managed offering that runs the database on the cloud, e.g. {@code Amazon RDS for PostgreSQL}. */
  static String managedDatabase(String choice, Cloud cloud) {
    String name = database(choice);
    if (choice.equals("distributed-sql")) {
      return cloud == Cloud.ANY ? "CockroachDB Cloud" : "CockroachDB Cloud on " + switch (cloud) {
        case AWS -> "AWS";
        case GCP -> "Google Cloud";
        default -> "Azure";
      };
    }
    return switch (cloud) {
      case AWS -> switch (choice) {
        case "postgresql", "mysql" -> "Amazon RDS for " + name;
        case "mongodb" -> "Amazon DocumentDB (MongoDB compatible)";
        case "cassandra" -> "Amazon Keyspaces (for Apache Cassandra)";
        default -> "Amazon " + name;
      };
      case GCP -> switch (choice) {
        case "postgresql", "mysql" -> "Cloud SQL for " + name;
        case "mongodb" -> "MongoDB Atlas on Google Cloud";
        default -> name + " (self-managed or a partner service)";
      };
      case AZURE -> switch (choice) {
        case "postgresql", "mysql" -> "Azure Database for " + name;
        case "mongodb" -> "Azure Cosmos DB for MongoDB";
        case "cassandra" -> "Azure Managed Instance for Apache Cassandra";
        default -> name + " (self-managed or a partner service)";
      };
      case ANY -> "managed " + name;
    };
  }

  static String managedBroker(String choice, Cloud cloud) {
    return switch (choice) {
      case "kafka" -> switch (cloud) {
        case AWS -> "Amazon MSK";
        case GCP -> "Google Cloud Managed Service for Apache Kafka";
        case AZURE -> "Azure Event Hubs (Kafka API)";
        case ANY -> "managed Kafka";
      };
      case "rabbitmq" -> cloud == Cloud.AWS ? "Amazon MQ for RabbitMQ" : "managed RabbitMQ";
      default -> broker(choice, cloud);
    };
  }

  static String managedCache(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "Amazon ElastiCache for Redis";
      case GCP -> "Memorystore for Redis";
      case AZURE -> "Azure Cache for Redis";
      case ANY -> "managed Redis";
    };
  }

  static String cdn(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "Amazon CloudFront";
      case GCP -> "Cloud CDN";
      case AZURE -> "Azure Front Door";
      case ANY -> "a CDN";
    };
  }

  /** {@code AWS}, {@code Google Cloud}, {@code Azure}, or {@code Cloud} for {@code any}. */
  static String cloudName(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "AWS";
      case GCP -> "Google Cloud";
      case AZURE -> "Azure";
      case ANY -> "Cloud";
    };
  }

  /** The managed offerings the plan relies on, for the context diagram. */
  static List<String> used(Topology t) {
    List<String> used = new ArrayList<>();
    used.add(managedDatabase(t.database(), t.cloud()));
    if (t.broker()) {
      used.add(managedBroker(t.messaging(), t.cloud()));
    }
    if (t.cache()) {
      used.add(managedCache(t.cloud()));
    }
    return used;
  }
}
