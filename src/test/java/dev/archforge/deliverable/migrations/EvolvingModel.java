package dev.archforge.deliverable.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * A small requirements file of one service, as immutable values that tests change step by step
 * (add, drop, rename, retype) and print as format-1 YAML.
 */
record EvolvingModel(double availability, String database, List<Ent> entities) {
  EvolvingModel {
    entities = List.copyOf(entities);
  }

  /** An entity; {@code renamedFrom} is printed when set. */
  record Ent(String name, String renamedFrom, List<Fld> fields, List<Rel> relations) {
    Ent {
      fields = List.copyOf(fields);
      relations = List.copyOf(relations);
    }

    Ent(String name, List<Fld> fields) {
      this(name, null, fields, List.of());
    }
  }

  /**
   * A field written in full form: {@code spec} holds the keys after the name, e.g.
   * {@code type: string, maxLength: 40, required: true}.
   */
  record Fld(String name, String spec, String renamedFrom) {
    Fld(String name, String spec) {
      this(name, spec, null);
    }
  }

  /** A relation; {@code renamedFrom} is printed when set. */
  record Rel(String name, String to, String kind, boolean required, String renamedFrom) {
    Rel(String name, String to, String kind, boolean required) {
      this(name, to, kind, required, null);
    }
  }

  EvolvingModel with(List<Ent> entities) {
    return new EvolvingModel(availability, database, entities);
  }

  /** The model with every renamedFrom removed: what a later run's file says once the rename is done. */
  EvolvingModel settled() {
    return with(entities.stream().map(e -> new Ent(e.name(), null, e.fields().stream()
        .map(f -> new Fld(f.name(), f.spec())).toList(), e.relations().stream()
        .map(r -> new Rel(r.name(), r.to(), r.kind(), r.required())).toList())).toList());
  }

  String yaml() {
    StringBuilder y = new StringBuilder("archforge: 1\nproject:\n  name: library\nscale:\n  availability: ")
        .append(availability).append("\nservices:\n  library:\n    entities: [")
        .append(String.join(", ", entities.stream().map(Ent::name).toList())).append("]\nentities:\n");
    for (Ent e : entities) {
      y.append("  ").append(e.name()).append(":\n");
      if (e.renamedFrom() != null) {
        y.append("    renamedFrom: ").append(e.renamedFrom()).append('\n');
      }
      if (!e.fields().isEmpty()) {
        y.append("    fields:\n");
        for (Fld f : e.fields()) {
          y.append("      ").append(f.name()).append(": { ").append(f.spec())
              .append(f.renamedFrom() == null ? "" : ", renamedFrom: " + f.renamedFrom()).append(" }\n");
        }
      }
      if (!e.relations().isEmpty()) {
        y.append("    relations:\n");
        for (Rel r : e.relations()) {
          y.append("      ").append(r.name()).append(": { to: ").append(r.to()).append(", kind: ").append(r.kind())
              .append(r.required() ? ", required: true" : "")
              .append(r.renamedFrom() == null ? "" : ", renamedFrom: " + r.renamedFrom()).append(" }\n");
        }
      }
    }
    return y.append("decisions:\n  database: ").append(database).append('\n').toString();
  }

  static List<Ent> replace(List<Ent> entities, Ent replaced, Ent by) {
    List<Ent> list = new ArrayList<>(entities);
    list.set(list.indexOf(replaced), by);
    return list;
  }
}
