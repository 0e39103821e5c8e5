package dev.archforge.facts.schema;

import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Decision;
import dev.archforge.model.Entity;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.SchemaHistory;
import dev.archforge.model.Service;
import dev.archforge.render.RenderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of each service that owns entities, in the dialect of the plan's {@code database}
 * decision: what the migrations create and the entity diagrams draw.
 */
public final class Schemas {
  static final BlueprintDefaults FALLBACK = new BlueprintDefaults("https://api.example.com", "", 255, 10000, 20, 100, 600,
      List.of());

  private final Plan plan;
  private final SchemaHistory history;
  private Evolutions evolutions;
  private final Map<String, TableBuilder> builders = new HashMap<>();
  private final Map<List<String>, Schema> built = new HashMap<>();
  private FieldProtection protection;

  public Schemas(Plan plan) {
    this(plan, SchemaHistory.NONE);
  }

  /** @param history the migrations and snapshots earlier runs left in the workspace */
  public Schemas(Plan plan, SchemaHistory history) {
    this.plan = plan;
    this.history = history;
  }

  /** How each service database goes on from the history: built on first use, then kept. */
  public synchronized Evolutions evolutions() {
    if (evolutions == null) {
      evolutions = new Evolutions(plan, this, history);
    }
    return evolutions;
  }

  /** The tables of one service in one dialect, built once per run. */
  public synchronized Schema of(Service service, Dialect dialect) {
    return built.computeIfAbsent(List.of(service.name(), dialect.getClass().getName()), k -> build(service, dialect));
  }

  private Schema build(Service service, Dialect dialect) {
    Requirements r = plan.requirements();
    TableBuilder builder = builders.computeIfAbsent(dialect.getClass().getName(),
        d -> new TableBuilder(r, dialect, defaults(), protection()));
    List<Entity> entities = r.ownedBy(service);
    List<Table> tables = new ArrayList<>();
    try {
      for (Entity e : entities) {
        tables.add(builder.table(service, e));
      }
      tables.addAll(new JoinTables(r, dialect).of(entities));
      for (Table t : new MessageTables(plan).of(service, dialect)) {
        if (tables.stream().anyMatch(x -> x.name().equals(t.name()))) {
          throw new IllegalArgumentException("the table name '" + t.name() + "' is taken by the delivery of events;"
              + " rename the entity that maps to it");
        }
        tables.add(t);
      }
    } catch (IllegalArgumentException e) {
      throw new RenderException("service " + service.name() + ": " + e.getMessage(), e);
    }
    return new Schema(service.name(), SqlNames.schema(service.name()), dialect, tables);
  }

  /** The dialect of the plan's {@code database} decision; empty for a database that is not SQL. */
  public Optional<Dialect> dialect() {
    return Dialect.of(database());
  }

  /** The chosen database ({@code postgresql} when the plan has no such decision). */
  public String database() {
    return plan.decision("database").map(Decision::choice).orElse("postgresql");
  }

  /** The services that own entities, in the requirements' order. */
  public List<Service> owners() {
    return plan.requirements().services().stream().filter(s -> !s.entities().isEmpty()).toList();
  }

  /** How each field is stored: plain, hashed or encrypted. */
  public synchronized FieldProtection protection() {
    if (protection == null) {
      protection = new FieldProtection(plan);
    }
    return protection;
  }

  private BlueprintDefaults defaults() {
    return plan.blueprint() == null || plan.blueprint().defaults() == null ? FALLBACK : plan.blueprint().defaults();
  }
}
