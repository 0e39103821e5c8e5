package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.ErDiagram.Cardinality;
import dev.archforge.deliverable.architecture.ErDiagram.Column;
import dev.archforge.facts.Naming;
import dev.archforge.facts.schema.MessageTables;
import dev.archforge.facts.schema.PostgresDialect;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.Schemas;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.facts.schema.Table;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Plan;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ERD of one service's entities: a box per entity and per many-to-many join table, and a
 * relationship per foreign key. An id field that names an entity of another service (say
 * {@code productId} for {@code Product}) stays a plain column: no line, a note instead.
 */
final class EntityDiagrams {
  private static final Pattern PRECISION = Pattern.compile("\\(\\d+,\\d+\\)");

  /** The diagram and its notes on plain ids into other services. */
  record Erd(ErDiagram diagram, List<String> notes) {}

  private EntityDiagrams() {}

  /** The ERD of the tables the service's migration creates (see MigrationsDeliverable). */
  static Erd of(Plan plan, Schemas schemas, Service service, boolean monolith) {
    Schema schema = schemas.of(service, schemas.dialect().orElseGet(PostgresDialect::new));
    return of(plan.requirements(), service, 255, monolith, schema);
  }

  static Erd of(Requirements r, Service service, int stringMaxLength, boolean monolith) {
    return of(r, service, stringMaxLength, monolith, null);
  }

  private static List<Column> columns(Table t) {
    return t.columns().stream().map(c -> new Column(PRECISION.matcher(c.type()).replaceAll("").replace(' ', '_'),
        c.name(), t.keys(c.name()), c.notNull() && !t.primaryKey().columns().contains(c.name()) ? "not null" : null))
        .toList();
  }

  private static Erd of(Requirements r, Service service, int stringMaxLength, boolean monolith, Schema schema) {
    Map<String, String> owners = owners(r);
    ErDiagram d = new ErDiagram();
    List<String> notes = new ArrayList<>();
    List<Entity> entities = r.ownedBy(service);
    for (Entity e : entities) {
      Map<String, String> foreign = new LinkedHashMap<>();
      for (Field f : e.fields()) {
        referenced(r, f).filter(target -> !service.name().equals(owners.get(target))).ifPresent(target -> {
          foreign.put(f.name(), target + " in " + owners.get(target));
          notes.add(e.name() + "." + f.name() + " holds the id of " + target + ", owned by " + owners.get(target)
              + ": a plain id, no foreign key across " + (monolith ? "module schemas" : "service databases") + ".");
        });
      }
      d.entity(e.name(), schema != null ? columns(schema.tableOf(e.name()).orElseThrow())
          : Columns.of(e, stringMaxLength, name -> idType(r, name), foreign));
    }
    List<Join> joins = joins(r, entities);
    for (Join j : joins) {
      if (schema != null) {
        d.entity(j.name(), columns(schema.table(SqlNames.table(j.name())).orElseThrow()));
        continue;
      }
      d.entity(j.name(), List.of(
          new Column(Columns.idType(j.from().id()), j.fromColumn(), List.of("PK", "FK"), j.from().name()),
          new Column(Columns.idType(idType(r, j.relation().to())), j.toColumn(), List.of("PK", "FK"),
              j.relation().to())));
    }
    if (schema != null) {
      schema.tables().stream().filter(MessageTables::isMessageTable).forEach(t -> d.entity(t.name(), columns(t)));
    }
    for (Entity e : entities) {
      for (Relation rel : e.relations()) {
        switch (rel.kind()) {
          case MANY_TO_ONE -> d.relationship(e.name(), Cardinality.ZERO_OR_MORE,
              rel.required() ? Cardinality.EXACTLY_ONE : Cardinality.ZERO_OR_ONE, rel.to(), rel.name());
          case ONE_TO_ONE -> d.relationship(e.name(), Cardinality.ZERO_OR_ONE,
              rel.required() ? Cardinality.EXACTLY_ONE : Cardinality.ZERO_OR_ONE, rel.to(), rel.name());
          case ONE_TO_MANY -> { } // drawn from the many-to-one on the other side, where the key lives
          case MANY_TO_MANY -> joins.stream().filter(j -> j.relation() == rel).findFirst().ifPresent(j -> {
            d.relationship(e.name(), Cardinality.EXACTLY_ONE, Cardinality.ZERO_OR_MORE, j.name(), rel.name());
            d.relationship(rel.to(), Cardinality.EXACTLY_ONE, Cardinality.ZERO_OR_MORE, j.name(), j.back());
          });
        }
      }
    }
    return new Erd(d, notes);
  }

  /** A many-to-many's join table: its name, both key columns, and the name of the way back. */
  private record Join(String name, Entity from, Relation relation, String fromColumn, String toColumn, String back) {}

  /**
   * One join table per many-to-many, named after both sides ({@code MemberTeam}); a many-to-many
   * declared on both sides shares the table of the side declared first.
   */
  private static List<Join> joins(Requirements r, List<Entity> entities) {
    Set<String> taken = new HashSet<>(r.entities().stream().map(Entity::name).toList());
    Set<String> open = new HashSet<>();
    List<Join> joins = new ArrayList<>();
    for (Entity e : entities) {
      for (Relation rel : e.relations()) {
        if (rel.kind() != RelationKind.MANY_TO_MANY || open.remove(rel.to() + "->" + e.name())) {
          continue;
        }
        open.add(e.name() + "->" + rel.to());
        String name = e.name() + Naming.pascal(Naming.singular(rel.name()));
        while (!taken.add(name)) {
          name = name + "Link";
        }
        String from = Naming.snake(e.name()) + "_id";
        String to = Naming.snake(Naming.singular(rel.name())) + "_id";
        String back = r.entity(rel.to()).flatMap(t -> t.relations().stream()
            .filter(x -> x.kind() == RelationKind.MANY_TO_MANY && x.to().equals(e.name())).findFirst())
            .map(Relation::name).orElse(Naming.lowerCamel(Naming.plural(e.name())));
        joins.add(new Join(name, e, rel, from, to.equals(from) ? "related_" + to : to, back));
      }
    }
    return joins;
  }

  /**
   * The entity an id field names: {@code productId} → {@code Product}, {@code sourceAccountId} →
   * {@code Account} (the longest entity name the field's stem ends with).
   */
  static Optional<String> referenced(Requirements r, Field f) {
    String name = f.name();
    if (!(f.type() == FieldType.UUID || f.type() == FieldType.LONG) || !name.endsWith("Id") || name.length() < 3) {
      return Optional.empty();
    }
    String stem = Naming.pascal(name.substring(0, name.length() - 2));
    for (int i = 0; i < stem.length(); i++) { // the longest entity name the stem ends with
      if (r.entity(stem.substring(i)).isPresent()) {
        return Optional.of(stem.substring(i));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> owners(Requirements r) {
    Map<String, String> owners = new LinkedHashMap<>();
    r.services().forEach(s -> s.entities().forEach(e -> owners.putIfAbsent(e, s.name())));
    return owners;
  }

  private static IdType idType(Requirements r, String entity) {
    return r.entity(entity).map(Entity::id).orElse(IdType.UUID);
  }
}
