package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Cassandra data model of a multi-tenant system: the tenant key leads every partition key, and
 * a many-to-many relation gets a table per direction. Checked by Cassandra's own parser.
 */
class CassandraModelTest {
  private static final Pattern KEY = Pattern.compile("PRIMARY KEY \\(\\(([^)]*)\\)");

  private static String organizations() {
    Plan plan = MigrationPlans.decide(Path.of("samples/saas-projects.yaml"), Map.of("database", "cassandra"));
    List<Artifact> artifacts = MigrationWorkspace.render(plan);
    for (Artifact a : artifacts) {
      if (a.path().endsWith(".cql")) {
        assertThat(new CqlValidator().validate(a)).as(a.path()).isEmpty();
      }
    }
    return MigrationWorkspace.content(artifacts, "db/organizations/schema.cql");
  }

  @Test
  void theTenantKeyLeadsEveryPartitionKeyOutsideTheTenantsOwnTable() {
    String cql = organizations();
    Matcher m = KEY.matcher(cql);
    int keys = 0;
    while (m.find()) {
      String table = cql.substring(cql.lastIndexOf("CREATE TABLE", m.start()), m.start());
      if (!table.contains(".organization_by_")) {
        assertThat(m.group(1)).as(table).startsWith("organization_id");
        keys++;
      }
    }
    assertThat(keys).isGreaterThan(5);
    assertThat(cql).contains("PRIMARY KEY ((organization_id, id))")
        // one tenant's members, newest first: the tenant relation is already the partition
        .contains("PRIMARY KEY ((organization_id), created_at, id)")
        // a filter within one tenant, a month at a time
        .contains("PRIMARY KEY ((organization_id, role, bucket_month), created_at, id)")
        .contains("within one tenant (organization_id)")
        .doesNotContain("PRIMARY KEY ((organization_id, organization_id");
  }

  @Test
  void aManyToManyRelationGetsATablePerDirection() {
    String cql = organizations();
    assertThat(cql).contains("""
        -- Access pattern: list the Team records linked to one Member (teams).
        -- Partition key: organization_id, member_id; clustering: team_id ASC.
        CREATE TABLE IF NOT EXISTS taskhub_organizations.member_team_by_member (
          organization_id uuid,
          member_id uuid,
          team_id uuid,
          linked_at timestamp,
          PRIMARY KEY ((organization_id, member_id), team_id)
        ) WITH CLUSTERING ORDER BY (team_id ASC);
        """).contains("""
        -- Access pattern: list the Member records linked to one Team (the other side of Member.teams).
        -- Partition key: organization_id, team_id; clustering: member_id ASC.
        CREATE TABLE IF NOT EXISTS taskhub_organizations.member_team_by_team (
        """);
  }
}
