package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Backups;
import dev.archforge.facts.schema.Dialect;
import dev.archforge.facts.schema.Evolution;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.Schemas;
import dev.archforge.facts.schema.Tenancy;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.RenderException;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code db/<service>/migrations/V1__initial_schema.sql} for every service that owns entities, in
 * the dialect of the {@code database} decision (PostgreSQL or MySQL 8), and {@code db/README.md}
 * with the conventions. For Cassandra {@code db/<service>/schema.cql} and, as the model changes,
 * {@code migrations/V<n>__<what>.cql}; for DynamoDB {@code db/<service>/dynamodb.json} with its changelog.
 * For another database that is not SQL it writes only the README saying so, and a warning: never SQL
 * that does not fit the decision.
 */
public final class MigrationsDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = new Artifact.Kind("sql");
  public static final Artifact.Kind CQL = new Artifact.Kind("cql");
  private static final Pattern CQL_PATHS = Pattern.compile("db/[^/]+/(schema|migrations/V\\d+__[^/]+)\\.cql");
  private static final Pattern DYNAMO_PATHS = Pattern.compile("db/[^/]+/dynamodb\\.json");
  public static final String FILE = Layout.FIRST_MIGRATION;
  private static final Pattern PATHS = Pattern.compile("db/[^/]+/migrations/[^/]+\\.sql");

  @Override
  public String id() {
    return "migrations";
  }

  @Override
  public boolean supports(Facts facts) {
    return !facts.schemas().owners().isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    Schemas all = facts.schemas();
    List<Artifact> artifacts = new ArrayList<>();
    Optional<Dialect> dialect = all.dialect();
    List<Schema> schemas = new ArrayList<>();
    if (dialect.isPresent()) {
      for (Evolution e : all.evolutions().all()) {
        Schema schema = e.desired();
        schemas.add(schema);
        artifacts.addAll(migrations(e, plan, renderer));
      }
    }
    DataModels models = DataModels.of(facts);
    artifacts.addAll(cassandra(plan, models, renderer));
    for (DynamoEvolution e : models.dynamo()) {
      Service s = all.owners().stream().filter(o -> o.name().equals(e.service())).findFirst().orElseThrow();
      DynamoView view = new DynamoView(plan.requirements().project().name(), s.name(),
          DynamoTables.of(plan.requirements(), s, plan.capacity()), e.after().changelog(),
          Backups.of(plan).pitr() ? Backups.of(plan).retentionDays() : 0);
      artifacts.add(new Artifact(dynamoPath(s.name()), renderer.render("migrations/dynamodb.json.ftl", view),
          DynamoValidator.KIND));
    }
    artifacts.add(new Artifact(Layout.DB_README, renderer.render("migrations/README.md.ftl",
        DbReadme.view(plan, all.protection(), all.database(), dialect.orElse(null), schemas)), Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  /**
   * {@code db/<service>/schema.cql} for every service that owns entities, its keyspace and tables; on
   * later runs the files written before, as they are, and the next {@code migrations/V<n>__<what>.cql}.
   */
  private static List<Artifact> cassandra(Plan plan, DataModels models, TemplateRenderer renderer) {
    String project = plan.requirements().project().name();
    List<Artifact> artifacts = new ArrayList<>();
    for (CqlEvolution e : models.cassandra()) {
      if (e.recorded()) {
        e.existing().forEach((path, content) -> artifacts.add(new Artifact(path, content, CQL)));
        if (e.file() != null) {
          artifacts.add(new Artifact(e.file(), renderer.render("migrations/change.cql.ftl", CqlChangeView.of(e, project)),
              CQL));
        }
        continue;
      }
      CqlView view = new CqlView(project, e.service(), e.desired().keyspace(), e.desired().replication(),
          e.desired().tables());
      String first = renderer.render("migrations/cassandra.cql.ftl", view);
      String written = e.existing().get(cqlPath(e.service()));
      if (written != null && !written.equals(first) || e.existing().size() > (written == null ? 0 : 1)) {
        throw new RenderException("db/" + e.service() + " holds Cassandra files written without a record of the model"
            + " they create (.archforge/schema/" + e.service() + ".cql.json) that differ from what the requirements"
            + " now describe: run archforge once on the requirements they were written from, then change them");
      }
      artifacts.add(new Artifact(cqlPath(e.service()), first, CQL));
    }
    return artifacts;
  }

  /** Where the DynamoDB table and access patterns of a service are written. */
  static String dynamoPath(String service) {
    return "db/" + service + "/dynamodb.json";
  }

  /** Where the Cassandra schema of a service is written. */
  static String cqlPath(String service) {
    return "db/" + service + "/schema.cql";
  }

  /** The migrations of one service: those already written, as they are, then the next one. */
  private static List<Artifact> migrations(Evolution e, Plan plan, TemplateRenderer renderer) {
    String project = plan.requirements().project().name();
    List<Artifact> artifacts = new ArrayList<>();
    if (e.kind() != Evolution.Kind.RECORDED) {
      String first = Layout.firstMigration(e.service());
      MigrationView view = MigrationView.of(FILE, project, e.desired(), notes(plan, e.desired()));
      String v1 = renderer.render(e.desired().dialect().template(), view);
      if (e.kind() == Evolution.Kind.UNRECORDED && (e.existing().size() != 1 || !v1.equals(e.existing().get(first)))) {
        throw new RenderException("db/" + e.service() + "/migrations were written without a record of the schema they"
            + " produce (.archforge/schema/" + e.service() + ".json) and differ from what the requirements now"
            + " describe: run archforge once on the requirements they were written from, then change them");
      }
      artifacts.add(new Artifact(first, v1, KIND));
      return artifacts;
    }
    e.existing().forEach((path, content) -> artifacts.add(new Artifact(path, content, KIND)));
    if (e.file() != null) {
      artifacts.add(new Artifact(e.file(), renderer.render("migrations/change.sql.ftl", ChangeView.of(e, project)), KIND));
    }
    return artifacts;
  }

  @Override
  public List<String> warnings(Facts facts) {
    Plan plan = facts.plan();
    List<String> warnings = new ArrayList<>();
    String database = facts.schemas().database();
    Optional<Dialect> dialect = facts.schemas().dialect();
    if (dialect.isEmpty() && (database.equals("cassandra") || database.equals("dynamodb"))) {
      return warnings;
    }
    if (dialect.isEmpty()) {
      warnings.add("migrations: database '" + database + "' is not a SQL database; archforge does not generate its"
          + " schema (validators, indexes) yet, so db/ holds only a README. Decide database: postgresql or mysql"
          + " for versioned SQL migrations.");
    } else if (!dialect.get().rowLevelSecurity() && Tenancy.of(plan.requirements()).multiTenant()) {
      warnings.add("migrations: the project is multi-tenant but " + database + " has no row-level security; the"
          + " services must filter every query by the tenant key (see db/README.md).");
    }
    return warnings;
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    if (CQL_PATHS.matcher(path).matches()) {
      return Optional.of(CQL);
    }
    if (DYNAMO_PATHS.matcher(path).matches()) {
      return Optional.of(DynamoValidator.KIND);
    }
    return PATHS.matcher(path).matches() ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new SqlValidator(), new CqlValidator(), new DistributedSqlCheck(), new DynamoValidator());
  }

  /** The tables of one service in one dialect; for tests. */
  public static Schema schema(Plan plan, Service service, Dialect dialect) {
    return new Schemas(plan).of(service, dialect);
  }

  /** The dialect of the plan's {@code database} decision; empty for a database that is not SQL. */
  public static Optional<Dialect> dialect(Plan plan) {
    return new Schemas(plan).dialect();
  }

  public static String path(Service service) {
    return Layout.firstMigration(service.name());
  }

  static List<Service> owners(Plan plan) {
    return new Schemas(plan).owners();
  }

  private static List<String> notes(Plan plan, Schema schema) {
    List<String> notes = new ArrayList<>();
    notes.add("Names: snake_case; reserved words end in '_'; names over 63 characters end in a hash (db/README.md).");
    if (plan.chose("architecture-style", "modular-monolith")) {
      notes.add("Modular monolith: one database, this module's tables in their own schema.");
    }
    if (holdsPlaceholder(schema)) {
      String escape = schema.dialect().placeholderEscape();
      notes.add("Texts holding a dollar and a brace spell them " + escape + (escape.startsWith("\\") ? " in E'' strings" : "")
          + ": the same text, but no placeholder for Flyway to replace (db/README.md).");
    }
    return notes;
  }

  /** Whether a comment or default of the schema has Flyway's placeholder syntax, escaped by its literal. */
  private static boolean holdsPlaceholder(Schema schema) {
    String escape = schema.dialect().placeholderEscape();
    return schema.tables().stream().anyMatch(t -> t.comment().contains(Dialect.PLACEHOLDER)
        || t.columns().stream().anyMatch(c -> c.comment() != null && c.comment().contains(Dialect.PLACEHOLDER)
            || c.defaultValue() != null && c.defaultValue().contains(escape)));
  }
}
