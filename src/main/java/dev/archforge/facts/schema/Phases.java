package dev.archforge.facts.schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one migration sorted into the order that lets every statement run: foreign keys
 * and other constraints go before what they name, tables are renamed before their columns change,
 * new keys come late; the compatibility views of renamed tables are dropped first and made last, over
 * the columns the migration leaves.
 */
final class Phases {
  enum Phase {
    DROP_VIEWS, DROP_FOREIGN_KEYS, DROP_CONSTRAINTS, RENAME_TABLES, RENAME_COLUMNS, DROP_TABLES, CREATE_TABLES, COLUMNS,
    DROP_COLUMNS, ADD_CONSTRAINTS, ADD_FOREIGN_KEYS, SECURITY, COMMENTS, CREATE_VIEWS
  }

  private final Map<Phase, List<SchemaChange>> changes = new EnumMap<>(Phase.class);

  void add(Phase phase, ChangeCode code, String subject, List<String> statements) {
    if (!statements.isEmpty()) {
      changes.computeIfAbsent(phase, p -> new ArrayList<>()).add(new SchemaChange(code, subject, statements));
    }
  }

  void add(Phase phase, ChangeCode code, String subject, String statement) {
    add(phase, code, subject, List.of(statement));
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  List<SchemaChange> all() {
    List<SchemaChange> all = new ArrayList<>();
    changes.values().forEach(all::addAll);
    return all;
  }
}
