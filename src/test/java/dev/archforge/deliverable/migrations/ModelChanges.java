package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.deliverable.migrations.EvolvingModel.Rel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes a person makes to requirements between two runs, applied to an {@link EvolvingModel}:
 * add, drop and rename fields and entities, widen and narrow lengths, change a field's type (a
 * string to an integer, a number, date or flag to a string), make a field required or unique or
 * neither, add and rename relations. A change that does not apply to the model leaves it as it is.
 */
final class ModelChanges {
  /** One change: its kind and two numbers that pick what it applies to. */
  record Change(Kind kind, int a, int b) {}

  enum Kind {
    ADD_FIELD, DROP_FIELD, RENAME_FIELD, WIDEN, NARROW, TOGGLE_REQUIRED, TOGGLE_UNIQUE, ADD_ENTITY, DROP_ENTITY,
    RENAME_ENTITY, ADD_MANY_TO_ONE, ADD_MANY_TO_MANY, RETYPE, RENAME_RELATION
  }

  static final List<String> SPECS = List.of("type: string, maxLength: 40", "type: integer, required: true, default: 0",
      "type: boolean", "type: enum, values: [low, high], default: low", "type: decimal, precision: 8, scale: 2",
      "type: date", "type: string, maxLength: 30, unique: true", "type: long, indexed: true", "type: text");
  private static final Pattern LENGTH = Pattern.compile("maxLength: (\\d+)");

  private ModelChanges() {}

  static EvolvingModel start(String database, double availability) {
    return new EvolvingModel(availability, database, List.of(
        new Ent("Shelf", List.of(new Fld("label", "type: string, maxLength: 50, required: true"),
            new Fld("position", "type: integer"))),
        new Ent("Item", null, List.of(new Fld("title", "type: string, maxLength: 80")),
            List.of(new Rel("shelf", "Shelf", "many-to-one", false)))));
  }

  /** The model after {@code change}, the {@code step}-th of a sequence (for new names). */
  static EvolvingModel apply(EvolvingModel m, Change change, int step) {
    List<Ent> entities = m.entities();
    Ent e = entities.get(Math.floorMod(change.a(), entities.size()));
    Fld f = e.fields().isEmpty() ? null : e.fields().get(Math.floorMod(change.b(), e.fields().size()));
    String suffix = "S" + step;
    return switch (change.kind()) {
      case ADD_FIELD -> field(m, e, null, new Fld("added" + suffix, SPECS.get(Math.floorMod(change.b(), SPECS.size()))));
      case DROP_FIELD -> e.fields().size() < 2 ? m : field(m, e, f, null);
      case RENAME_FIELD -> f == null ? m : field(m, e, f, new Fld("renamed" + suffix, f.spec(), f.name()));
      case WIDEN -> f == null ? m : field(m, e, f, new Fld(f.name(), length(f.spec(), 25).replace("type: integer",
          "type: long")));
      case NARROW -> f == null ? m : field(m, e, f, new Fld(f.name(), length(f.spec(), -10)));
      case TOGGLE_REQUIRED -> f == null ? m : field(m, e, f, new Fld(f.name(), toggle(f.spec(), "required: true")));
      case TOGGLE_UNIQUE -> f == null || !uniqueable(f.spec()) ? m
          : field(m, e, f, new Fld(f.name(), toggle(f.spec(), "unique: true")));
      case ADD_ENTITY -> m.with(plus(entities, new Ent("Extra" + suffix, null,
          List.of(new Fld("note", "type: string, maxLength: 60")), List.of(new Rel("of", e.name(), "many-to-one", false)))));
      case DROP_ENTITY -> entities.size() < 2 ? m : dropEntity(m, e);
      case RENAME_ENTITY -> renameEntity(m, e, "Renamed" + suffix);
      case ADD_MANY_TO_ONE -> relation(m, e, new Rel("link" + suffix, entities.get(Math.floorMod(change.b(),
          entities.size())).name(), "many-to-one", false));
      case ADD_MANY_TO_MANY -> relation(m, e, new Rel("tags" + suffix, entities.get(Math.floorMod(change.b(),
          entities.size())).name(), "many-to-many", false));
      case RETYPE -> f == null ? m : retype(m, e, f);
      case RENAME_RELATION -> renameRelation(m, e, "renamed" + suffix);
    };
  }

  /** A string becomes an integer; an integer, long, decimal, date or flag becomes a string; others stay. */
  private static EvolvingModel retype(EvolvingModel m, Ent e, Fld f) {
    if (f.spec().startsWith("type: string")) {
      return field(m, e, f, new Fld(f.name(), "type: integer"));
    }
    return List.of("integer", "long", "decimal", "date", "boolean").stream().anyMatch(t -> f.spec().startsWith("type: " + t))
        ? field(m, e, f, new Fld(f.name(), "type: string, maxLength: 40")) : m;
  }

  private static boolean uniqueable(String spec) {
    return !spec.contains("boolean") && !spec.contains("text") && !spec.contains("decimal");
  }

  private static String length(String spec, int by) {
    Matcher m = LENGTH.matcher(spec);
    return m.find() ? m.replaceFirst("maxLength: " + Math.max(5, Integer.parseInt(m.group(1)) + by)) : spec;
  }

  private static String toggle(String spec, String flag) {
    return spec.contains(", " + flag) ? spec.replace(", " + flag, "") : spec + ", " + flag;
  }

  /** The model with {@code old} of {@code e} replaced by {@code by} (null: removed; old null: added). */
  private static EvolvingModel field(EvolvingModel m, Ent e, Fld old, Fld by) {
    List<Fld> fields = new ArrayList<>(e.fields());
    if (old == null) {
      fields.add(by);
    } else if (by == null) {
      fields.remove(old);
    } else {
      fields.set(fields.indexOf(old), by);
    }
    return m.with(EvolvingModel.replace(m.entities(), e, new Ent(e.name(), e.renamedFrom(), fields, e.relations())));
  }

  private static EvolvingModel relation(EvolvingModel m, Ent e, Rel r) {
    if (e.relations().size() >= 3) {
      return m;
    }
    return m.with(EvolvingModel.replace(m.entities(), e, new Ent(e.name(), e.renamedFrom(), e.fields(),
        plus(e.relations(), r))));
  }

  private static EvolvingModel dropEntity(EvolvingModel m, Ent dropped) {
    List<Ent> rest = new ArrayList<>();
    for (Ent x : m.entities()) {
      if (x != dropped) {
        rest.add(new Ent(x.name(), x.renamedFrom(), x.fields(),
            x.relations().stream().filter(r -> !r.to().equals(dropped.name())).toList()));
      }
    }
    return m.with(rest);
  }

  /** The entity's first many-to-one relation under a new name; one without leaves the model as it is. */
  private static EvolvingModel renameRelation(EvolvingModel m, Ent e, String name) {
    List<Rel> relations = new ArrayList<>(e.relations());
    for (int n = 0; n < relations.size(); n++) {
      Rel r = relations.get(n);
      if (r.kind().equals("many-to-one")) {
        relations.set(n, new Rel(name, r.to(), r.kind(), r.required(), r.name()));
        return m.with(EvolvingModel.replace(m.entities(), e, new Ent(e.name(), e.renamedFrom(), e.fields(), relations)));
      }
    }
    return m;
  }

  private static EvolvingModel renameEntity(EvolvingModel m, Ent e, String name) {
    List<Ent> all = new ArrayList<>();
    for (Ent x : m.entities()) {
      List<Rel> relations = x.relations().stream().map(r -> r.to().equals(e.name())
          ? new Rel(r.name(), name, r.kind(), r.required()) : r).toList();
      all.add(x == e ? new Ent(name, e.name(), x.fields(), relations)
          : new Ent(x.name(), x.renamedFrom(), x.fields(), relations));
    }
    return m.with(all);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }
}
