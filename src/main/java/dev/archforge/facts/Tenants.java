package dev.archforge.facts;

import dev.archforge.model.Requirements;
import java.util.List;
import java.util.Optional;

/** The fields that mark a record's tenant; the migrations scope tables by them, the security documents name them. */
public final class Tenants {
  /** Field names that hold the tenant of a record, in order of preference. */
  public static final List<String> FIELDS = List.of("tenantId", "organizationId", "organisationId", "orgId");

  private Tenants() {}

  /** The first tenant field name that some entity carries. */
  public static Optional<String> field(Requirements r) {
    return FIELDS.stream().filter(name -> r.entities().stream()
        .anyMatch(e -> e.fields().stream().anyMatch(f -> f.name().equals(name)))).findFirst();
  }
}
