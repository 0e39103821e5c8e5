package dev.archforge.deliverable.migrations;

import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.facts.schema.Tenancy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.cassandra.cql3.ReservedKeywords;

/**
 * The Cassandra tables of one service, designed query first from the access patterns its API
 * implies: one table per query, each holding the entity's columns. Read by id (get, update, delete);
 * list the children of one parent (a many-to-one relation, the API's filter by the parent's id),
 * newest first; find by a unique field; list by an enum field (the API's filter), within a month's
 * bucket so that no partition grows without bound; a many-to-many relation gets a table per
 * direction. In a multi-tenant project the tenant key leads every partition key (its records are
 * listed a month at a time), so no query reads across tenants.
 */
public final class CqlTables {
  /** One CQL column. */
  public record Column(String name, String type) {}

  /**
   * One table: its columns, partition key, clustering columns with their order, and the access
   * pattern it serves.
   */
  public record Table(String name, String pattern, List<Column> columns, List<String> partitionKey,
      List<String> clustering, List<String> order) {
    public Table {
      name = fit(name);
      columns = List.copyOf(columns);
      partitionKey = List.copyOf(partitionKey);
      clustering = List.copyOf(clustering);
      order = List.copyOf(order);
    }

    /** {@code ((a, b), c, d)} or {@code ((a))}. */
    public String primaryKey() {
      String key = "(" + String.join(", ", partitionKey) + ")";
      return "(" + key + (clustering.isEmpty() ? "" : ", " + String.join(", ", clustering)) + ")";
    }

    /** {@code created_at DESC, id ASC}; empty without clustering columns. */
    public String clusteringOrder() {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < clustering.size(); i++) {
        parts.add(clustering.get(i) + " " + order.get(i));
      }
      return String.join(", ", parts);
    }
  }

  static final String BUCKET = "bucket_month";
  /** The longest keyspace or table name Cassandra accepts. */
  static final int MAX_NAME = 48;

  private CqlTables() {}

  /** The keyspace of a service: {@code <project>_<service>}, in CQL's lowercase. */
  static String keyspace(Requirements r, Service s) {
    return fit(Naming.snake(r.project().name() + "-" + s.name()).replace('-', '_'));
  }

  /** A keyspace or table name within Cassandra's 48 characters: a longer one ends in a hash of it. */
  static String fit(String name) {
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
    return name.substring(0, MAX_NAME - 1 - hash.length()).replaceAll("_+$", "") + "_" + hash;
  }

  static List<Table> of(Requirements r, Service s) {
    List<Table> tables = new ArrayList<>();
    Tenancy tenancy = Tenancy.of(r);
    Set<String> linked = new HashSet<>();
    for (Entity e : r.ownedBy(s)) {
      Optional<Tenancy.Key> key = tenancy.key(e);
      String tenant = key.map(Tenancy.Key::column).orElse(null);
      String scope = tenant == null ? "" : " within one tenant (" + tenant + ")";
      List<Column> columns = columns(r, e);
      if (tenant != null && columns.stream().noneMatch(c -> c.name().equals(tenant))) {
        columns.add(1, new Column(tenant, idType(key.get().added() ? key.get().addedType() : tenantId(r))));
      }
      Column tenantColumn = columns.stream().filter(c -> c.name().equals(tenant)).findFirst().orElse(null);
      String base = Naming.snake(e.name());
      String time = time(e);
      List<String> byTime = time != null ? List.of(time, "id") : List.of("id");
      List<String> newest = time != null ? List.of("DESC", "ASC") : List.of("ASC");
      String order = time != null ? "newest first" : "by id";
      tables.add(new Table(base + "_by_id", "get, update and delete one " + e.name() + " by its id" + scope,
          columns, scoped(tenant, "id"), List.of(), List.of()));
      boolean tenantRelation = false;
      for (Relation rel : e.relations()) {
        if (rel.kind() == RelationKind.MANY_TO_ONE) {
          String parent = Naming.snake(rel.name()) + "_id";
          tenantRelation |= parent.equals(tenant);
          tables.add(new Table(base + "_by_" + Naming.snake(rel.name()), "list the " + e.name() + " records of one "
              + rel.to() + " (" + rel.name() + "Id filter), " + order, columns,
              scoped(tenant, parent), byTime, newest));
        } else if (rel.kind() == RelationKind.MANY_TO_MANY && !linked.remove(rel.to() + "->" + e.name())) {
          linked.add(e.name() + "->" + rel.to());
          tables.addAll(links(r, e, rel, tenantColumn));
        }
      }
      if (tenant != null && !tenantRelation) {
        tables.add(new Table(base + "_by_" + tenant, "list the " + e.name() + " records of one tenant, a month at a"
            + " time, " + order, withBucket(columns), List.of(tenant, BUCKET), byTime, newest));
      }
      for (Field f : e.fields()) {
        String column = ident(Naming.snake(f.name()));
        if (column.equals(tenant)) {
          continue;
        }
        if (f.unique()) {
          tables.add(new Table(base + "_by_" + Naming.snake(f.name()), "find one " + e.name() + " by its unique " + f.name() + scope,
              columns, scoped(tenant, column), List.of(), List.of()));
        } else if (f.type() == FieldType.ENUM || f.indexed()) {
          tables.add(new Table(base + "_by_" + Naming.snake(f.name()), "list the " + e.name() + " records with one " + f.name()
              + " (" + f.name() + " filter)" + scope + ", a month at a time, " + order,
              withBucket(columns), scoped(tenant, column, BUCKET), byTime, newest));
        }
      }
    }
    return tables;
  }

  /**
   * A many-to-many relation: one table per direction, each listing the other side's ids of one
   * record ({@code member_team_by_member}: the teams of a member; {@code member_team_by_team}: the
   * members of a team). Both are written in the batch that links or unlinks.
   */
  private static List<Table> links(Requirements r, Entity e, Relation rel, Column tenantColumn) {
    String tenant = tenantColumn == null ? null : tenantColumn.name();
    String owner = Naming.snake(e.name()) + "_id";
    String other = Naming.snake(Naming.singular(rel.name())) + "_id";
    if (other.equals(owner)) {
      other = "linked_" + other;
    }
    IdType target = r.entity(rel.to()).map(Entity::id).orElse(IdType.UUID);
    List<Column> columns = new ArrayList<>();
    if (tenantColumn != null) {
      columns.add(tenantColumn);
    }
    columns.add(new Column(owner, idType(e.id())));
    columns.add(new Column(other, idType(target)));
    columns.add(new Column("linked_at", "timestamp"));
    String link = Naming.snake(e.name()) + "_" + Naming.snake(Naming.singular(rel.name()));
    return List.of(
        new Table(link + "_by_" + Naming.snake(e.name()), "list the " + rel.to() + " records linked to one " + e.name()
            + " (" + rel.name() + ")", columns, scoped(tenant, owner), List.of(other), List.of("ASC")),
        new Table(link + "_by_" + Naming.snake(Naming.singular(rel.name())), "list the " + e.name()
            + " records linked to one " + rel.to() + " (the other side of " + e.name() + "." + rel.name() + ")",
            columns, scoped(tenant, other), List.of(owner), List.of("ASC")));
  }

  /** The id type of the tenant entity ({@code Tenant} or {@code Organization}); uuid without one. */
  private static IdType tenantId(Requirements r) {
    return r.entities().stream().filter(x -> x.name().equals("Tenant") || x.name().equals("Organization"))
        .map(Entity::id).findFirst().orElse(IdType.UUID);
  }

  /** The partition key: the tenant key first when there is one, then the given columns. */
  private static List<String> scoped(String tenant, String... columns) {
    List<String> key = new ArrayList<>();
    if (tenant != null && !List.of(columns).contains(tenant)) {
      key.add(tenant);
    }
    key.addAll(List.of(columns));
    return key;
  }

  /** The column lists are ordered by: created_at, else the entity's first required date-time field; else none. */
  private static String time(Entity e) {
    if (e.audit()) {
      return "created_at";
    }
    return e.fields().stream().filter(f -> f.type() == FieldType.DATETIME && f.required()).findFirst()
        .map(f -> ident(Naming.snake(f.name()))).orElse(null);
  }

  private static List<Column> withBucket(List<Column> columns) {
    List<Column> list = new ArrayList<>(columns);
    list.add(new Column(BUCKET, "text"));
    return list;
  }

  private static List<Column> columns(Requirements r, Entity e) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("id", idType(e.id())));
    for (Field f : e.fields()) {
      columns.add(new Column(ident(Naming.snake(f.name())), type(f.type())));
    }
    for (Relation rel : e.relations()) {
      if (rel.kind() == RelationKind.MANY_TO_ONE) {
        IdType target = r.entity(rel.to()).map(Entity::id).orElse(IdType.UUID);
        columns.add(new Column(Naming.snake(rel.name()) + "_id", idType(target)));
      }
    }
    if (e.audit()) {
      columns.add(new Column("created_at", "timestamp"));
      columns.add(new Column("updated_at", "timestamp"));
    }
    if (e.softDelete()) {
      columns.add(new Column("deleted_at", "timestamp"));
    }
    return columns;
  }

  private static String idType(IdType id) {
    return id == IdType.LONG ? "bigint" : "uuid";
  }

  static String type(FieldType type) {
    return switch (type) {
      case INTEGER -> "int";
      case LONG -> "bigint";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "timestamp";
      case UUID -> "uuid";
      case BYTES -> "blob";
      default -> "text";
    };
  }

  /** A name as CQL takes it: quoted when it is one of Cassandra's reserved words. */
  static String ident(String snake) {
    return ReservedKeywords.isReserved(snake) ? "\"" + snake + "\"" : snake;
  }
}
