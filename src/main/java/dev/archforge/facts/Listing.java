package dev.archforge.facts;

import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields a list operation may filter and order by, the same in every API style: the
 * unique, indexed and enum fields that are not secret, of a type that compares as a value. Personal
 * fields filter (by equality, through a blind index when they are encrypted) but never order a
 * list: ciphertext has no order, and a page cursor would carry the personal value.
 */
public final class Listing {
  private static final Set<FieldType> UNFILTERABLE = EnumSet.of(FieldType.JSON, FieldType.BYTES, FieldType.TEXT);
  private static final Set<FieldType> SORTABLE = EnumSet.of(FieldType.STRING, FieldType.INTEGER, FieldType.LONG,
      FieldType.DECIMAL, FieldType.DATE, FieldType.DATETIME, FieldType.ENUM, FieldType.EMAIL);

  private Listing() {}

  public static boolean filterable(Field f) {
    return keyed(f) && !UNFILTERABLE.contains(f.type());
  }

  public static boolean sortable(Field f) {
    return keyed(f) && !f.pii() && SORTABLE.contains(f.type());
  }

  /** What a list may be ordered by, in order: id, the sortable fields, then the audit timestamps. */
  public static List<String> sortFields(Entity entity) {
    List<String> names = new ArrayList<>();
    names.add("id");
    for (Field f : entity.fields()) {
      if (sortable(f)) {
        names.add(f.name());
      }
    }
    if (entity.audit()) {
      names.add("createdAt");
      names.add("updatedAt");
    }
    return names;
  }

  private static boolean keyed(Field f) {
    return !f.secret() && (f.unique() || f.indexed() || f.type() == FieldType.ENUM);
  }
}
