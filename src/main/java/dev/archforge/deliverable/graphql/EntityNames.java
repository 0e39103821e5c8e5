package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every name the schema gives one entity: its types, its enums, its root fields and the name of
 * its generated version field. Claimed for all entities before any type is built, because
 * relations refer to other entities' types.
 */
record EntityNames(String type, String connection, String edge, String filter, String order, String orderField,
    String createInput, String updateInput, String createPayload, String updatePayload, String deletePayload,
    Map<String, String> enums, String version, String one, String many, String create, String update,
    String delete) {

  EntityNames {
    enums = Map.copyOf(enums);
  }

  static EntityNames claim(Entity e, TypeNames types, TypeNames queries, TypeNames mutations) {
    String type = types.claim(e.name());
    Map<String, String> enums = new LinkedHashMap<>();
    for (Field f : e.fields()) {
      if (f.type() == FieldType.ENUM) {
        enums.put(f.name(), types.claim(type + Naming.pascal(f.name())));
      }
    }
    String plural = Naming.plural(type);
    return new EntityNames(type, types.claim(type + "Connection"), types.claim(type + "Edge"),
        types.claim(type + "Filter"), types.claim(type + "Order"), types.claim(type + "OrderField"),
        types.claim("Create" + type + "Input"), types.claim("Update" + type + "Input"),
        types.claim("Create" + type + "Payload"), types.claim("Update" + type + "Payload"),
        types.claim("Delete" + type + "Payload"), enums, version(e), queries.claim(Naming.lowerCamel(type)),
        queries.claim(Naming.lowerCamel(plural)), mutations.claim("create" + type),
        mutations.claim("update" + type), mutations.claim("delete" + type));
  }

  /** {@code version}, unless a field or relation has that name. */
  private static String version(Entity e) {
    String name = "version";
    for (int i = 2; taken(e, name); i++) {
      name = (i == 2 ? "rowVersion" : "rowVersion" + i);
    }
    return name;
  }

  private static boolean taken(Entity e, String name) {
    return e.fields().stream().anyMatch(f -> f.name().equals(name))
        || e.relations().stream().anyMatch(r -> r.name().equals(name));
  }
}
