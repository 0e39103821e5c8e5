package dev.archforge.facts.schema;

import java.util.List;
import java.util.Optional;

/**
 * The tables of one service in one dialect: what {@code db/<service>/migrations/V1__initial_schema.sql}
 * creates.
 *
 * @param service the service's name
 * @param name the schema (modular monolith) or database (microservices) the tables live in
 * @param dialect the SQL dialect
 * @param tables entity tables in the service's order, then join tables
 */
public record Schema(String service, String name, Dialect dialect, List<Table> tables) {
  public Schema {
    tables = List.copyOf(tables);
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The table of an entity. */
  public Optional<Table> tableOf(String entity) {
    return tables.stream().filter(t -> !t.isJoinTable() && t.entity().equals(entity)).findFirst();
  }
}
