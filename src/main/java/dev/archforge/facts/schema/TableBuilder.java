package dev.archforge.facts.schema;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.Listing;
import dev.archforge.facts.Naming;
import dev.archforge.facts.schema.Table.Check;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Key;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.facts.schema.Table.TenantScope;
import dev.archforge.facts.schema.Table.Unique;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of one entity: id, tenant key, fields, foreign keys, audit, soft-delete and version
 * columns; its unique keys, checks and indexes. A unique key or list index of a soft-deleted entity
 * covers live rows only (a partial index on PostgreSQL, a live-row marker column on MySQL); the
 * indexes that foreign keys need cover every row.
 */
final class TableBuilder {
  static final String ID = "id";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";
  static final String DELETED_AT = "deleted_at";
  static final String VERSION = "lock_version";
  static final String LIVE = "live_key";
  static final String LIVE_ROWS = DELETED_AT + " IS NULL";

  private final Requirements requirements;
  private final Dialect dialect;
  private final FieldColumns fields;
  private final Tenancy tenancy;
  private final AccessRules access;

  TableBuilder(Requirements requirements, Dialect dialect, BlueprintDefaults defaults, FieldProtection protection) {
    this.requirements = requirements;
    this.access = new AccessRules(requirements, defaults.privilegedRoles());
    this.dialect = dialect;
    this.fields = new FieldColumns(dialect, defaults, protection);
    this.tenancy = Tenancy.of(requirements);
  }

  Tenancy tenancy() {
    return tenancy;
  }

  Table table(Service service, Entity e) {
    String table = SqlNames.table(e.name());
    Map<String, Column> columns = new LinkedHashMap<>();
    List<Unique> uniques = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    String where = e.softDelete() && dialect.partialIndexes() ? LIVE_ROWS : null;
    boolean marker = e.softDelete() && !dialect.partialIndexes();
    List<String> live = marker ? List.of(LIVE) : List.of();

    add(columns, table, new Column(ID, dialect.idType(e.id()), null, true, dialect.idDefault(e.id()),
        dialect.identity(e.id()), null, Role.ID, null));
    Optional<Tenancy.Key> tenant = tenancy.key(e);
    tenant.filter(Tenancy.Key::added).ifPresent(k -> add(columns, table, new Column(k.column(),
        dialect.idType(k.addedType()), null, true, null, null, "The tenant that owns the row.", Role.TENANT, null)));
    for (Field f : e.fields()) {
      FieldColumns.Result r = fields.of(table, f);
      r.columns().forEach(c -> add(columns, table, c));
      if (r.check() != null) {
        checks.add(r.check());
      }
      if (f.unique()) {
        uniques.add(new Unique(SqlNames.constraint("uq", table, List.of(r.keyColumn())), plus(r.keyColumn(), live),
            where));
      } else if (f.indexed() || Listing.filterable(f)) {
        indexes.add(new Index(SqlNames.constraint("ix", table, List.of(r.keyColumn())), List.of(r.indexPart(), ID),
            where, f.indexed() ? "indexed" : "filter and sort of the list operation"));
      }
    }
    for (Relation rel : e.relations()) {
      if (rel.kind() != RelationKind.MANY_TO_ONE && rel.kind() != RelationKind.ONE_TO_ONE) {
        continue;
      }
      Entity target = requirements.entity(rel.to()).orElseThrow();
      String column = SqlNames.foreignKey(rel.name());
      add(columns, table, new Column(column, dialect.idType(target.id()), null, rel.required(), null, null,
          reference(rel), Role.REFERENCE, rel.name()));
      foreignKeys.add(new ForeignKey(SqlNames.constraint("fk", table, List.of(column)), column,
          SqlNames.table(target.name()), rel.required() ? "RESTRICT" : "SET NULL"));
      if (rel.kind() == RelationKind.ONE_TO_ONE) {
        uniques.add(new Unique(SqlNames.constraint("uq", table, List.of(column)), plus(column, live), where));
      }
    }
    if (e.audit()) {
      add(columns, table, new Column(CREATED_AT, dialect.timestampType(), null, true, dialect.now(), null,
          "When the row was inserted (UTC).", Role.CREATED_AT, null));
      add(columns, table, new Column(UPDATED_AT, dialect.timestampType(), null, true, dialect.now(), null,
          "When the row was last changed (UTC); set by the service on every update.", Role.UPDATED_AT, null));
      indexes.add(new Index(SqlNames.constraint("ix", table, List.of(CREATED_AT)), List.of(CREATED_AT, ID), where,
          "default sort of the list operation"));
      indexes.add(new Index(SqlNames.constraint("ix", table, List.of(UPDATED_AT)), List.of(UPDATED_AT, ID), where,
          "sort of the list operation"));
    }
    if (e.softDelete()) {
      add(columns, table, new Column(DELETED_AT, dialect.timestampType(), null, false, null, null,
          "When the row was soft-deleted (UTC); null while it is live. Reads leave deleted rows out.",
          Role.DELETED_AT, null));
    }
    if (updatable(service, e)) {
      add(columns, table, new Column(VERSION, "bigint", null, true, "0", null,
          "Optimistic lock: every update sets lock_version = lock_version + 1 WHERE lock_version = the value read.",
          Role.VERSION, null));
    }
    if (marker && !uniques.isEmpty()) {
      add(columns, table, new Column(LIVE, "tinyint", dialect.liveMarker(DELETED_AT).orElseThrow(), false, null,
          null, "1 while the row is live, null once soft-deleted: unique keys over it ignore deleted rows.",
          Role.HELPER, null));
    }
    foreignKeys.forEach(fk -> {
      if (!leads(fk.column(), uniques, indexes)) {
        indexes.add(new Index(SqlNames.constraint("ix", table, List.of(fk.column())), List.of(fk.column()), null,
            "foreign key"));
      }
    });
    TenantScope scope = tenant.map(k -> new TenantScope(k.column(), columns.get(k.column()).type(),
        dialect.rowLevelSecurity())).orElse(null);
    if (tenant.isPresent() && indexes.stream().noneMatch(i -> i.columns().get(0).equals(tenant.get().column()))
        && uniques.stream().noneMatch(u -> u.columns().get(0).equals(tenant.get().column()))) {
      indexes.add(new Index(SqlNames.constraint("ix", table, List.of(tenant.get().column())),
          List.of(tenant.get().column(), ID), where, "tenant scope"));
    }
    return new Table(table, e.name(), null, comment(e, tenant), List.copyOf(columns.values()),
        new Key(SqlNames.constraint("pk", table, List.of()), List.of(ID)), uniques, checks, indexes, foreignKeys,
        scope);
  }

  /** Updated through the API: someone may write it. Append-only entities get no lock. */
  private boolean updatable(Service service, Entity e) {
    return !access.of(service, e).write().isEmpty();
  }

  /** Whether an index or a unique key on every row starts with the column (so a foreign key needs no other). */
  private static boolean leads(String column, List<Unique> uniques, List<Index> indexes) {
    return uniques.stream().anyMatch(u -> u.where() == null && u.columns().get(0).equals(column))
        || indexes.stream().anyMatch(i -> i.where() == null && i.columns().get(0).equals(column));
  }

  private static List<String> plus(String column, List<String> more) {
    List<String> list = new ArrayList<>(List.of(column));
    list.addAll(more);
    return list;
  }

  private static void add(Map<String, Column> columns, String table, Column c) {
    Column before = columns.putIfAbsent(c.name(), c);
    if (before != null) {
      throw new IllegalArgumentException("table " + table + " would have two columns named " + c.name() + " (from "
          + describe(before) + " and " + describe(c) + "); rename one of them");
    }
  }

  private static String describe(Column c) {
    return c.source() != null ? "'" + c.source() + "'" : "the generated " + c.role().name().toLowerCase().replace('_', ' ');
  }

  private String reference(Relation rel) {
    String about = rel.description() == null || rel.description().isBlank() ? "" : FieldColumns.clip(rel.description())
        + (rel.description().strip().endsWith(".") ? " " : ". ");
    return about + "The " + Naming.prose(rel.to()) + " (" + rel.kind().spelling() + " '" + rel.name() + "').";
  }

  private static String comment(Entity e, Optional<Tenancy.Key> tenant) {
    String plural = Naming.prose(Naming.plural(e.name()));
    StringBuilder text = new StringBuilder(e.description() == null || e.description().isBlank()
        ? Character.toUpperCase(plural.charAt(0)) + plural.substring(1) + "." : e.description().strip());
    if (text.charAt(text.length() - 1) != '.') {
      text.append('.');
    }
    text.append(" Entity ").append(e.name()).append('.');
    if (e.softDelete()) {
      text.append(" Soft-deleted: deleted rows keep a deleted_at.");
    }
    tenant.ifPresent(k -> text.append(" Scoped to a tenant by ").append(k.column()).append('.'));
    return FieldColumns.clip(text.toString());
  }
}
