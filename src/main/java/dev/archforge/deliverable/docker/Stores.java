package dev.archforge.deliverable.docker;

import dev.archforge.deliverable.docker.ComposeView.Env;
import dev.archforge.deliverable.docker.ComposeView.Store;
import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.Backing;
import dev.archforge.facts.deploy.LocalImages;
import java.util.List;

/**
 * The local container of each database, cache and broker technology: image pinned to a version,
 * credentials from an env file, data on a named volume, and a health check with the image's own
 * client. Compose reads {@code $$} as a literal {@code $}: the shell inside the container expands it.
 */
final class Stores {
  static final String POSTGRES = LocalImages.POSTGRES;
  static final String MYSQL = LocalImages.MYSQL;
  static final String MONGO = "mongo:7.0.16";
  static final String CASSANDRA = "cassandra:5.0.2";
  static final String DYNAMODB = "amazon/dynamodb-local:2.5.3";
  static final String REDIS = "redis:7.4.1-alpine3.20";
  static final String KAFKA = "apache/kafka:3.9.0";
  static final String RABBITMQ = "rabbitmq:3.13.7-alpine";

  private Stores() {}

  /**
   * The container of a backing service; null for one without a local container (cloud pub/sub).
   * {@code database} is the database it holds: the deployable's {@code DB_NAME}.
   */
  static Store of(Backing b, String database) {
    String volume = b.host() + "-data";
    String env = "./env/" + b.host() + ".env";
    String db = database;
    return switch (b.technology()) {
      case "postgresql", "distributed-sql" -> new Store(b.host(), POSTGRES, null, List.of(new Env("POSTGRES_DB", db)), env, volume,
          "/var/lib/postgresql/data", shell("pg_isready -U \"$$POSTGRES_USER\" -d \"$$POSTGRES_DB\""), "10s");
      case "mysql" -> new Store(b.host(), MYSQL, null, List.of(new Env("MYSQL_DATABASE", db)), env, volume,
          "/var/lib/mysql", shell("mysqladmin ping -h 127.0.0.1 -u \"$$MYSQL_USER\" -p\"$$MYSQL_PASSWORD\" --silent"),
          "30s");
      case "mongodb" -> new Store(b.host(), MONGO, null, List.of(new Env("MONGO_INITDB_DATABASE", db)), env, volume,
          "/data/db", ImageRecipe.exec("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"), "20s");
      case "cassandra" -> new Store(b.host(), CASSANDRA, null, List.of(new Env("CASSANDRA_CLUSTER_NAME", b.host())),
          null, volume, "/var/lib/cassandra", shell("cqlsh -e 'describe keyspaces' > /dev/null"), "90s");
      case "dynamodb" -> new Store(b.host(), DYNAMODB,
          ImageRecipe.exec("-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "/home/dynamodblocal/data"), List.of(),
          null, volume, "/home/dynamodblocal/data", shell("curl -s -o /dev/null http://127.0.0.1:8000 || exit 1"),
          "10s");
      case "redis" -> new Store(b.host(), REDIS,
          ImageRecipe.exec("sh", "-c", "exec redis-server --requirepass \"$$REDIS_PASSWORD\" --appendonly yes"),
          List.of(), env, volume, "/data",
          shell("redis-cli -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG"), "5s");
      case "kafka" -> new Store(b.host(), KAFKA, null, kafka(b), null, volume, "/var/lib/kafka/data",
          shell("/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1"),
          "30s");
      case "rabbitmq" -> new Store(b.host(), RABBITMQ, null, List.of(), env, volume, "/var/lib/rabbitmq",
          ImageRecipe.exec("CMD", "rabbitmq-diagnostics", "-q", "ping"), "30s");
      default -> null;
    };
  }

  /** The credentials a store's env file holds, with example values the app's env file repeats. */
  static List<Env> credentials(Backing b) {
    String user = Naming.snake(b.host());
    return switch (b.technology()) {
      case "postgresql", "distributed-sql" -> List.of(new Env("POSTGRES_USER", user), new Env("POSTGRES_PASSWORD", example(b)));
      case "mysql" -> List.of(new Env("MYSQL_USER", user), new Env("MYSQL_PASSWORD", example(b)),
          new Env("MYSQL_ROOT_PASSWORD", example(b) + "-root"));
      case "mongodb" -> List.of(new Env("MONGO_INITDB_ROOT_USERNAME", user),
          new Env("MONGO_INITDB_ROOT_PASSWORD", example(b)));
      case "redis" -> List.of(new Env("REDIS_PASSWORD", example(b)));
      case "rabbitmq" -> List.of(new Env("RABBITMQ_DEFAULT_USER", user), new Env("RABBITMQ_DEFAULT_PASS", example(b)));
      default -> List.of();
    };
  }

  /** The placeholder password of the examples: obviously not a real one. */
  static String example(Backing b) {
    return "change-me-" + b.host();
  }

  private static String shell(String command) {
    return ImageRecipe.exec("CMD-SHELL", command);
  }

  private static List<Env> kafka(Backing b) {
    return List.of(new Env("KAFKA_NODE_ID", "1"), new Env("KAFKA_PROCESS_ROLES", "broker,controller"),
        new Env("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093"),
        new Env("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + b.host() + ":9092"),
        new Env("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
        new Env("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
        new Env("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@" + b.host() + ":9093"),
        new Env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
        new Env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
        new Env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"), new Env("KAFKA_LOG_DIRS", "/var/lib/kafka/data"));
  }
}
