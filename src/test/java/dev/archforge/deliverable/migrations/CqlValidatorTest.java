package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cassandra schema check: Cassandra's own parser, and the key rules it leaves to the server. */
class CqlValidatorTest {
  private static final String KEYSPACE = """
      CREATE KEYSPACE IF NOT EXISTS shop
        WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3};
      """;

  private static List<String> check(String cql) {
    return new CqlValidator().validate(new Artifact("db/orders/schema.cql", cql, MigrationsDeliverable.CQL)).stream()
        .map(Finding::toString).toList();
  }

  @Test
  void aWellFormedSchemaPasses() {
    assertThat(check(KEYSPACE + """
        -- Access pattern: list orders of a customer; semicolons in comments do not end statements.
        CREATE TABLE IF NOT EXISTS shop.order_by_customer (
          customer_id uuid,
          created_at timestamp,
          id uuid,
          PRIMARY KEY ((customer_id), created_at, id)
        ) WITH CLUSTERING ORDER BY (created_at DESC, id ASC);
        """)).isEmpty();
  }

  @Test
  void whatCassandrasParserRejectsIsAFindingAtItsStatement() {
    assertThat(check(KEYSPACE + """
        CREATE TABLE shop.t (
          id uuid,
          PRIMARY KEY ((id))
        ) WITH COMPACTION = ;
        """)).singleElement().asString().startsWith("db/orders/schema.cql:3: Cassandra's CQL parser rejects");
    // 'table' is reserved in CQL: unquoted it does not parse
    assertThat(check(KEYSPACE + """
        CREATE TABLE shop.t (
          id uuid,
          table text,
          PRIMARY KEY ((id))
        );
        """)).singleElement().asString().contains("Cassandra's CQL parser rejects");
  }

  @Test
  void keysMustBeDeclaredAndOrderedAsTheClusteringColumns() {
    assertThat(check(KEYSPACE + """
        CREATE TABLE shop.t (
          a uuid,
          b timestamp,
          c uuid,
          PRIMARY KEY ((a), b, c)
        ) WITH CLUSTERING ORDER BY (c ASC, b DESC);
        CREATE TABLE shop.u (
          a uuid,
          PRIMARY KEY ((a), z)
        ) WITH CLUSTERING ORDER BY (z ASC);
        CREATE TABLE other.v (
          a uuid,
          PRIMARY KEY ((a))
        );
        """)).containsExactly(
        "db/orders/schema.cql:3: table t: CLUSTERING ORDER BY names [c, b] but the clustering columns are [b, c] [cql]",
        "db/orders/schema.cql:9: table u: key column z is not declared [cql]",
        "db/orders/schema.cql:13: table v is in keyspace other, not in shop, the keyspace this file creates before it [cql]");
  }
}
