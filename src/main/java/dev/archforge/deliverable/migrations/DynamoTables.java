package dev.archforge.deliverable.migrations;

import dev.archforge.decide.capacity.DynamoDbCapacity;
import dev.archforge.facts.Naming;
import dev.archforge.facts.schema.DynamoTableName;
import dev.archforge.facts.schema.Tenancy;
import dev.archforge.model.Capacity;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Figure;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DynamoDB design of one service: a single table per service, its entities told apart by
 * their key prefixes, with overloaded global secondary indexes ({@code GSI1}, {@code GSI2} ...). One
 * table rather than one per entity because a service's reads that span entities (a parent and its
 * children, both sides of a link) are then one Query, the service's capacity and backups are one
 * resource, and the index slots are shared: an entity uses {@code GSI1} for its first list pattern,
 * {@code GSI2} for its second, whatever the other entities store there. Access patterns come from the
 * API, as for Cassandra: get by id; the children of one parent, newest first; find by a unique field
 * (a uniqueness item written in the same transaction, since DynamoDB has no unique constraint); an
 * enum or indexed field's filter a month at a time; a tenant's records; and many-to-many links
 * (adjacency items, read from the other side through the {@code inverted} index). In a
 * multi-tenant project every key starts with the tenant ({@code T#<tenant>#}).
 */
public final class DynamoTables {
  /** The index that reads adjacency items from the other side: SK as its partition key, PK as its sort key. */
  static final String INVERTED = "inverted";

  /** One global secondary index: its name and key attributes. */
  public record Index(String name, String partitionKey, String sortKey) {}

  /** One access pattern: what it serves, the index it reads ({@code table} or a GSI) and its key condition. */
  public record Pattern(String entity, String pattern, String index, String keyCondition, String operation) {}

  /** How one entity's keys are built, attribute by attribute. */
  public record Item(String entity, List<KeyValue> keys) {}

  public record KeyValue(String attribute, String value) {}

  /** A service's table: name, indexes, capacity mode and the patterns it serves. */
  public record Design(String table, List<Index> indexes, boolean onDemand, long readUnits, long writeUnits,
      List<Item> items, List<Pattern> patterns) {
    /** Every attribute a key schema names: PK and SK, then each index's. */
    public List<String> keyAttributes() {
      List<String> all = new ArrayList<>(List.of("PK", "SK"));
      indexes.forEach(i -> List.of(i.partitionKey(), i.sortKey()).forEach(a -> {
        if (!all.contains(a)) {
          all.add(a);
        }
      }));
      return all;
    }
  }

  private DynamoTables() {}

  static Design of(Requirements r, Service s, Capacity capacity) {
    Tenancy tenancy = Tenancy.of(r);
    List<Item> items = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    int slots = 0;
    boolean links = false;
    Set<String> linked = new HashSet<>();
    for (Entity e : r.ownedBy(s)) {
      String tenantColumn = tenancy.key(e).map(Tenancy.Key::column).orElse(null);
      String tenant = tenantColumn == null ? "" : "T#<" + tenantColumn + ">#";
      boolean tenantRelation = e.relations().stream().anyMatch(rel -> rel.kind() == RelationKind.MANY_TO_ONE
          && (Naming.snake(rel.name()) + "_id").equals(tenantColumn));
      String name = e.name().toUpperCase(Locale.ROOT);
      String time = time(e);
      String order = time == null ? "<id>" : "<" + time + ">#<id>";
      List<KeyValue> keys = new ArrayList<>(List.of(new KeyValue("PK", tenant + name + "#<id>"), new KeyValue("SK", name)));
      patterns.add(new Pattern(e.name(), "get, update and delete one " + e.name() + " by its id", "table",
          "PK = :pk AND SK = :sk", "GetItem, UpdateItem, DeleteItem"));
      List<Item> extra = new ArrayList<>();
      int slot = 0;
      for (Relation rel : e.relations()) {
        if (rel.kind() == RelationKind.MANY_TO_ONE) {
          slot++;
          keys.add(new KeyValue("GSI" + slot + "PK", tenant + name + "#" + rel.name() + "#<" + rel.name() + "Id>"));
          keys.add(new KeyValue("GSI" + slot + "SK", order));
          patterns.add(new Pattern(e.name(), "list the " + e.name() + " records of one " + rel.to() + " ("
              + rel.name() + "Id filter), " + (time == null ? "by id" : "newest first"), "GSI" + slot,
              "GSI" + slot + "PK = :pk", time == null ? "Query" : "Query, ScanIndexForward false"));
        } else if (rel.kind() == RelationKind.MANY_TO_MANY && !linked.remove(rel.to() + "->" + e.name())) {
          linked.add(e.name() + "->" + rel.to());
          links = true;
          String target = rel.to().toUpperCase(Locale.ROOT);
          extra.add(new Item(e.name() + "." + rel.name(), List.of(new KeyValue("PK", tenant + name + "#<id>"),
              new KeyValue("SK", tenant + target + "#<" + Naming.singular(rel.name()) + "Id>"))));
          patterns.add(new Pattern(e.name(), "list the " + rel.to() + " records linked to one " + e.name() + " ("
              + rel.name() + ")", "table", "PK = :pk AND begins_with(SK, :sk)", "Query"));
          patterns.add(new Pattern(e.name(), "list the " + e.name() + " records linked to one " + rel.to()
              + " (the other side of " + e.name() + "." + rel.name() + ")", INVERTED,
              "SK = :sk AND begins_with(PK, :pk)", "Query"));
        }
      }
      for (Field f : e.fields()) {
        if (f.unique()) {
          extra.add(new Item(e.name() + "." + f.name() + " (unique)", List.of(
              new KeyValue("PK", tenant + name + "#" + f.name() + "#<" + f.name() + ">"), new KeyValue("SK", "UNIQUE"))));
          patterns.add(new Pattern(e.name(), "find one " + e.name() + " by its unique " + f.name() + " (the uniqueness"
              + " item holds the id; it is put with attribute_not_exists(PK) in the transaction that writes the "
              + e.name() + ")", "table", "PK = :pk AND SK = :sk", "GetItem, then GetItem by id"));
        } else if (f.type() == FieldType.ENUM || f.indexed()) {
          slot++;
          keys.add(new KeyValue("GSI" + slot + "PK", tenant + name + "#" + f.name() + "#<" + f.name() + ">#<yyyy-MM>"));
          keys.add(new KeyValue("GSI" + slot + "SK", order));
          patterns.add(new Pattern(e.name(), "list the " + e.name() + " records with one " + f.name() + " ("
              + f.name() + " filter), a month at a time", "GSI" + slot, "GSI" + slot + "PK = :pk", "Query"));
        }
      }
      if (!tenant.isEmpty() && !tenantRelation) {
        slot++;
        keys.add(new KeyValue("GSI" + slot + "PK", tenant + name + "#<yyyy-MM>"));
        keys.add(new KeyValue("GSI" + slot + "SK", order));
        patterns.add(new Pattern(e.name(), "list the " + e.name() + " records of one tenant, a month at a time",
            "GSI" + slot, "GSI" + slot + "PK = :pk", "Query"));
      }
      items.add(new Item(e.name(), keys));
      items.addAll(extra);
      slots = Math.max(slots, slot);
    }
    List<Index> indexes = new ArrayList<>();
    for (int i = 1; i <= slots; i++) {
      indexes.add(new Index("GSI" + i, "GSI" + i + "PK", "GSI" + i + "SK"));
    }
    if (links) {
      indexes.add(new Index(INVERTED, "SK", "PK"));
    }
    DynamoDbCapacity mode = DynamoDbCapacity.of(value(capacity, "writeRps"), value(capacity, "readRps"));
    return new Design(table(r, s), indexes, mode.onDemand(), mode.readUnits(), mode.writeUnits(), items, patterns);
  }

  /** The table's name: {@link DynamoTableName}. */
  static String table(Requirements r, Service s) {
    return DynamoTableName.of(r, s);
  }

  private static double value(Capacity capacity, String key) {
    return capacity == null ? 0 : capacity.figure(key).map(Figure::value).orElse(0.0);
  }

  /** What lists are ordered by: createdAt, else the first required date-time field; else the id alone. */
  private static String time(Entity e) {
    if (e.audit()) {
      return "createdAt";
    }
    return e.fields().stream().filter(f -> f.type() == FieldType.DATETIME && f.required()).findFirst()
        .map(Field::name).orElse(null);
  }
}
