package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.ErDiagram.Column;
import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns an entity's table has, for its ERD box: the generated id, the fields with SQL-ish
 * types, a foreign key per many-to-one or one-to-one relation, and the generated audit and
 * soft-delete timestamps. Comments carry what the type does not show (not null, enum values,
 * decimal digits, personal or secret data, the service a plain id points into).
 */
final class Columns {
  static final int EMAIL_MAX_LENGTH = 254;
  static final int URL_MAX_LENGTH = 2048;

  private Columns() {}

  /**
   * @param idTypes entity name → its id type, for foreign keys
   * @param foreign field name → what a cross-service id field points at, e.g. {@code Product in catalog}
   */
  static List<Column> of(Entity e, int stringMaxLength, Function<String, IdType> idTypes, Map<String, String> foreign) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(idType(e.id()), "id", List.of("PK"), null));
    for (Field f : e.fields()) {
      List<String> notes = new ArrayList<>();
      if (foreign.containsKey(f.name())) {
        notes.add("id of " + foreign.get(f.name()));
      }
      notes.addAll(notes(f));
      columns.add(new Column(type(f, stringMaxLength), Naming.snake(f.name()), f.unique() ? List.of("UK") : List.of(),
          String.join(", ", notes)));
    }
    for (Relation rel : e.relations()) {
      if (rel.kind() == RelationKind.MANY_TO_ONE || rel.kind() == RelationKind.ONE_TO_ONE) {
        List<String> keys = rel.kind() == RelationKind.ONE_TO_ONE ? List.of("FK", "UK") : List.of("FK");
        columns.add(new Column(idType(idTypes.apply(rel.to())), foreignKey(rel.name()), keys,
            rel.to() + (rel.required() ? ", not null" : "")));
      }
    }
    if (e.audit()) {
      columns.add(new Column("timestamp", "created_at", List.of(), "not null"));
      columns.add(new Column("timestamp", "updated_at", List.of(), "not null"));
    }
    if (e.softDelete()) {
      columns.add(new Column("timestamp", "deleted_at", List.of(), "soft delete"));
    }
    return columns;
  }

  /** {@code category} → {@code category_id}; {@code invitedBy} → {@code invited_by_id}. */
  static String foreignKey(String relation) {
    return Naming.snake(relation) + "_id";
  }

  static String idType(IdType id) {
    return id == IdType.LONG ? "bigint" : "uuid";
  }

  /**
   * The SQL-ish type of a field. Decimals are written {@code decimal} with their digits in the
   * comment: a comma in a type breaks the erDiagram parser of older Mermaid releases, and
   * GitHub does not always render with the newest.
   */
  static String type(Field f, int stringMaxLength) {
    return switch (f.type()) {
      case STRING -> varchar(f.maxLength(), stringMaxLength);
      case TEXT -> "text";
      case INTEGER -> "int";
      case LONG -> "bigint";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "timestamp";
      case UUID -> "uuid";
      case EMAIL -> varchar(f.maxLength(), EMAIL_MAX_LENGTH);
      case URL -> varchar(f.maxLength(), URL_MAX_LENGTH);
      case ENUM -> varchar(null, f.values().stream().mapToInt(String::length).max().orElse(32));
      case JSON -> "jsonb";
      case BYTES -> "bytea";
    };
  }

  private static String varchar(Integer maxLength, int otherwise) {
    return "varchar(" + (maxLength == null ? otherwise : maxLength) + ")";
  }

  private static List<String> notes(Field f) {
    List<String> notes = new ArrayList<>();
    if (f.required()) {
      notes.add("not null");
    }
    if (f.precision() != null && f.type() == FieldType.DECIMAL) {
      notes.add("precision " + f.precision() + ", scale " + (f.scale() == null ? 0 : f.scale()));
    }
    if (!f.values().isEmpty()) {
      notes.add("one of " + String.join(" | ", f.values()));
    }
    if (f.secret()) {
      notes.add("secret, encrypted");
    } else if (f.pii()) {
      notes.add("personal data");
    }
    return notes;
  }
}
