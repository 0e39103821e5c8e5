package dev.archforge.facts.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The schema that a service's migrations so far produce, as archforge keeps it in
 * {@code .archforge/schema/<service>.json}: the next run's migration is the difference between it
 * and the tables the requirements now describe.
 *
 * @param dialect the {@code database} decision's option the migrations are written for
 * @param tables the tables as the migrations left them
 * @param expansions renamed columns whose old column is kept until a run without the {@code renamedFrom}
 */
public record Snapshot(String dialect, List<Table> tables, List<Expansion> expansions) {
  public Snapshot {
    tables = List.copyOf(tables);
    expansions = List.copyOf(expansions);
  }

  /**
   * An expand step's pair of columns: {@code from} still holds the data the running older version
   * writes; {@code to} is the new column, filled from it, that the newer version writes too. With
   * {@code retype}, a type change ({@link Retypes}): {@code to} is the temporary {@code <from>__next}
   * that the contract renames to {@code from}; else a rename, whose contract drops {@code from}.
   */
  public record Expansion(String table, String from, String to,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean retype) {
    public Expansion(String table, String from, String to) {
      this(table, from, to, false);
    }
  }

  public static Snapshot of(Schema schema) {
    return new Snapshot(schema.dialect().id(), schema.tables(), List.of());
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<Expansion> expansion(String table, String to) {
    return expansions.stream().filter(e -> e.table().equals(table) && e.to().equals(to)).findFirst();
  }
}
