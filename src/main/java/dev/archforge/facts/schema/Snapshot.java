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
   * that the contract renames to {@code from}; else a rename, whose contract drops {@code from}. With
   * {@code view}, a table rename: {@code from} is the old table name, kept as an updatable view of
   * the table {@code to} (= {@code table}) until a run without the entity's {@code renamedFrom}.
   */
  public record Expansion(String table, String from, String to,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean retype,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean view) {
    public Expansion(String table, String from, String to) {
      this(table, from, to, false, false);
    }

    public Expansion(String table, String from, String to, boolean retype) {
      this(table, from, to, retype, false);
    }

    /** A renamed table's compatibility view under its old name. */
    static Expansion view(String table, String oldName) {
      return new Expansion(table, oldName, table, false, true);
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
