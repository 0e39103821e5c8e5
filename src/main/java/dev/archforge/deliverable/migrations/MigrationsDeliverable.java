package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.model.Artifact;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Decision;
import dev.archforge.model.Entity;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.render.RenderException;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code db/<service>/migrations/V1__initial_schema.sql} for every service that owns entities, in
 * the dialect of the {@code database} decision (PostgreSQL or MySQL 8), and {@code db/README.md}
 * with the conventions. For a database that is not SQL it writes only the README saying so, and a
 * warning: never SQL that does not fit the decision.
 */
public final class MigrationsDeliverable implements Deliverable {
  public static final String FILE = "V1__initial_schema.sql";
  static final BlueprintDefaults FALLBACK = new BlueprintDefaults("https://api.example.com", "", 255, 10000, 20, 100, 600);

  @Override
  public String id() {
    return "migrations";
  }

  @Override
  public boolean supports(Plan plan) {
    return !owners(plan).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Plan plan, TemplateRenderer renderer) {
    List<Artifact> artifacts = new ArrayList<>();
    Optional<Dialect> dialect = dialect(plan);
    List<Schema> schemas = new ArrayList<>();
    if (dialect.isPresent()) {
      for (Service s : owners(plan)) {
        Schema schema = schema(plan, s, dialect.get());
        schemas.add(schema);
        MigrationView view = MigrationView.of(FILE, plan.requirements().project().name(), schema, notes(plan, dialect.get()));
        artifacts.add(new Artifact(path(s), renderer.render(dialect.get().template(), view), Artifact.Kind.SQL));
      }
    }
    artifacts.add(new Artifact("db/README.md", renderer.render("migrations/README.md.ftl",
        DbReadme.view(plan, database(plan), dialect.orElse(null), schemas)), Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  @Override
  public List<String> warnings(Plan plan) {
    List<String> warnings = new ArrayList<>();
    String database = database(plan);
    Optional<Dialect> dialect = dialect(plan);
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

  /** The tables of one service in one dialect: for the template, the database tests and diagrams. */
  public static Schema schema(Plan plan, Service service, Dialect dialect) {
    Requirements r = plan.requirements();
    TableBuilder builder = new TableBuilder(r, dialect, defaults(plan), new SecretStorage(plan));
    List<Entity> entities = r.ownedBy(service);
    List<Table> tables = new ArrayList<>();
    try {
      for (Entity e : entities) {
        tables.add(builder.table(service, e));
      }
      tables.addAll(new JoinTables(r, dialect).of(entities));
    } catch (IllegalArgumentException e) {
      throw new RenderException("service " + service.name() + ": " + e.getMessage(), e);
    }
    return new Schema(service.name(), SqlNames.schema(service.name()), dialect, tables);
  }

  /** The dialect of the plan's {@code database} decision; empty for a database that is not SQL. */
  public static Optional<Dialect> dialect(Plan plan) {
    return Dialect.of(database(plan));
  }

  public static String path(Service service) {
    return "db/" + service.name() + "/migrations/" + FILE;
  }

  static String database(Plan plan) {
    return plan.decision("database").map(Decision::choice).orElse("postgresql");
  }

  static List<Service> owners(Plan plan) {
    return plan.requirements().services().stream().filter(s -> !s.entities().isEmpty()).toList();
  }

  private static BlueprintDefaults defaults(Plan plan) {
    return plan.blueprint() == null || plan.blueprint().defaults() == null ? FALLBACK : plan.blueprint().defaults();
  }

  private static List<String> notes(Plan plan, Dialect dialect) {
    List<String> notes = new ArrayList<>();
    notes.add("Names: snake_case; reserved words end in '_'; names over 63 characters end in a hash (db/README.md).");
    if (plan.chose("architecture-style", "modular-monolith")) {
      notes.add("Modular monolith: one database, this module's tables in their own schema.");
    }
    return notes;
  }
}
