package dev.archforge.facts.schema;

import dev.archforge.facts.Tenants;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The multi-tenant rule. A project is multi-tenant when its title, description or domain speaks of
 * tenants ({@code tenant}, {@code tenants}, {@code multi-tenant}, {@code multitenancy}) or an entity
 * has a tenant field ({@code tenantId}, {@code organizationId}, {@code organisationId},
 * {@code orgId}, as the security deliverable reads it). The tenant entity is the one named
 * {@code Tenant}, {@code Organization} or {@code Organisation}; its own table is not scoped. Every
 * other table of an entity is scoped by its tenant key, the first of: a tenant field; a many-to-one
 * or one-to-one relation to the tenant entity; else an added {@code tenant_id} column. PostgreSQL
 * enforces the scope with row-level security.
 */
public final class Tenancy {
  private static final Set<String> WORDS = Set.of("tenant", "tenants", "tenancy", "multitenant", "multitenancy");
  private static final List<String> TENANT_ENTITIES = List.of("Tenant", "Organization", "Organisation");
  static final String ADDED_COLUMN = "tenant_id";

  /** How one table is scoped: by an existing column (a field or a relation's key) or by an added one. */
  public record Key(String column, boolean added, IdType addedType) {}

  private final Requirements requirements;
  private final boolean multiTenant;
  private final String tenantEntity;

  private Tenancy(Requirements requirements, boolean multiTenant, String tenantEntity) {
    this.requirements = requirements;
    this.multiTenant = multiTenant;
    this.tenantEntity = tenantEntity;
  }

  public static Tenancy of(Requirements r) {
    boolean spoken = Arrays.stream(new String[] {r.project().title(), r.project().description(), r.project().domain()})
        .filter(t -> t != null)
        .flatMap(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")))
        .anyMatch(WORDS::contains);
    boolean field = r.entities().stream().flatMap(e -> e.fields().stream()).anyMatch(f -> Tenants.FIELDS.contains(f.name()));
    String tenant = TENANT_ENTITIES.stream().filter(n -> r.entity(n).isPresent()).findFirst().orElse(null);
    return new Tenancy(r, spoken || field, tenant);
  }

  public boolean multiTenant() {
    return multiTenant;
  }

  /** The tenant key of an entity's table; empty when the project is single-tenant or this is the tenant entity. */
  public Optional<Key> key(Entity e) {
    if (!multiTenant || e.name().equals(tenantEntity)) {
      return Optional.empty();
    }
    for (String name : Tenants.FIELDS) {
      Optional<Field> field = e.fields().stream()
          .filter(f -> f.name().equals(name) && (f.type() == FieldType.UUID || f.type() == FieldType.LONG)).findFirst();
      if (field.isPresent()) {
        return Optional.of(new Key(SqlNames.column(name), false, null));
      }
    }
    Optional<Relation> relation = e.relations().stream()
        .filter(r -> r.to().equals(tenantEntity)
            && (r.kind() == RelationKind.MANY_TO_ONE || r.kind() == RelationKind.ONE_TO_ONE))
        .sorted((a, b) -> Boolean.compare(b.required(), a.required())).findFirst();
    if (relation.isPresent()) {
      return Optional.of(new Key(SqlNames.foreignKey(relation.get().name()), false, null));
    }
    IdType type = tenantEntity == null ? IdType.UUID : requirements.entity(tenantEntity).orElseThrow().id();
    return Optional.of(new Key(ADDED_COLUMN, true, type));
  }
}
