package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.schema.PostgresDialect;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations of the {@code distributed-sql} decision are PostgreSQL SQL (PostgresMigrationsTest
 * applies them to the embedded PostgreSQL) without what CockroachDB does not run: every sample and
 * the every-kind file hold no identity and pass the distributed-SQL check, which catches each
 * unsupported construct put back in.
 */
class DistributedSqlCheckTest {
  static Stream<MigrationPlans.Named> plans() {
    return MigrationPlans.all("distributed-sql").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everySampleHoldsNoSequenceAndPassesTheCheck(MigrationPlans.Named named) {
    List<Artifact> artifacts = MigrationWorkspace.render(named.plan());
    List<Artifact> sql = artifacts.stream().filter(a -> a.kind().equals(MigrationsDeliverable.KIND)).toList();
    assertThat(sql).isNotEmpty().allSatisfy(a -> {
      assertThat(a.content()).contains(PostgresDialect.DISTRIBUTED_TITLE).doesNotContain("AS IDENTITY");
      assertThat(new DistributedSqlCheck().accepts(a)).isTrue();
      assertThat(new DistributedSqlCheck().validate(a)).isEmpty();
      assertThat(new SqlValidator().validate(a)).isEmpty();
    });
    assertThat(MigrationWorkspace.content(artifacts, "db/README.md")).contains("**distributed-sql**")
        .contains("a bigint the service assigns");
  }

  @Test
  void theCheckFindsEachConstructCockroachDbDoesNotRunAndIgnoresLiterals() {
    String sql = """
        -- V1__initial_schema.sql: the tables of the x service, for %s.
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        CREATE SEQUENCE ticket_numbers;
        CREATE TABLE ticket (
          id bigint GENERATED ALWAYS AS IDENTITY,
          number bigint DEFAULT nextval('ticket_numbers'),
          seat bigserial,
          CONSTRAINT no_overlap EXCLUDE USING gist (seat WITH =)
        );
        CREATE UNLOGGED TABLE scratch (id uuid);
        SELECT pg_advisory_lock(1);
        COMMENT ON COLUMN ticket.number IS 'the serial number, from a sequence';
        """.formatted(PostgresDialect.DISTRIBUTED_TITLE);
    List<Finding> findings = new DistributedSqlCheck().validate(new Artifact("db/x/migrations/V1__initial_schema.sql",
        sql, MigrationsDeliverable.KIND));
    assertThat(findings).extracting(Finding::line).containsExactlyInAnyOrder(2, 3, 5, 6, 7, 8, 10, 11);
    assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
        .startsWith("`GENERATED ALWAYS AS IDENTITY` is not for distributed SQL: an identity column"));
    assertThat(new DistributedSqlCheck().accepts(new Artifact("db/x/migrations/V1__initial_schema.sql",
        sql.replace(PostgresDialect.DISTRIBUTED_TITLE, "PostgreSQL 14+"), MigrationsDeliverable.KIND))).isFalse();
  }
}
