package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.Tenancy;
import java.util.List;

/**
 * What {@code db/README.md} says: how to run the migrations, the naming rule and the conventions
 * the tables follow.
 *
 * @param database the {@code database} decision's choice
 * @param supported whether archforge writes migrations for it
 * @param dialect the servers the SQL is written for; null when not supported
 * @param monolith one database with a schema per module, rather than a database per service
 * @param deployable the monolith's database name (the project's name)
 * @param services one row per service that owns entities
 * @param tenancy how tenant rows are kept apart; null for a single-tenant project
 * @param secrets one line per secret column: where it is and how it is stored
 * @param codes the codes of the changes a V2+ migration makes
 * @param expandContract whether renames and type changes are written as expand/contract (availability of 99.9 % or more)
 */
public record DbReadmeView(String title, String database, boolean supported, String dialect, boolean monolith,
    String deployable, List<ServiceRow> services, Tenancy tenancy, List<String> secrets, List<Code> codes,
    boolean expandContract) {

  public DbReadmeView {
    services = List.copyOf(services);
    secrets = List.copyOf(secrets);
    codes = List.copyOf(codes);
  }

  /** A change code: what it does and whether it needs {@code --allow-destructive}. */
  public record Code(String code, String title, boolean needsConsent) {}

  /** One service's migrations folder, schema and tables. */
  public record ServiceRow(String service, String folder, String schema, List<String> tables) {
    public ServiceRow {
      tables = List.copyOf(tables);
    }
  }

  /**
   * @param rowLevelSecurity whether the database enforces the scope (PostgreSQL) or the services must
   * @param scoped {@code table.column} of each scoped table
   */
  public record Tenancy(boolean rowLevelSecurity, List<String> scoped) {
    public Tenancy {
      scoped = List.copyOf(scoped);
    }
  }
}
