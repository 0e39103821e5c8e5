package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * The write side of one entity: {@code createX(input)}, {@code updateX(id, input,
 * expectedVersion)} and {@code deleteX(id)}, their input types and their payloads, which carry
 * {@code errors: [UserError!]!} (errors as data) next to the result.
 */
final class EntityMutations {
  private final Entity entity;
  private final EntityNames names;
  private final EntityTypes types;
  private final FieldText text;
  private final boolean referenced;

  /** @param referenced whether other entities refer to this one, so that a delete may conflict */
  EntityMutations(Entity entity, EntityNames names, EntityTypes types, FieldText text, boolean referenced) {
    this.entity = entity;
    this.names = names;
    this.types = types;
    this.text = text;
    this.referenced = referenced;
  }

  /** The create and update inputs (each left out when it would have no field), then the payloads. */
  List<TypeView> types() {
    List<TypeView> list = new ArrayList<>();
    List<FieldView> create = inputFields(true);
    List<FieldView> update = inputFields(false);
    if (!create.isEmpty()) {
      list.add(TypeView.input("The fields of a new " + prose() + "; the service assigns the id"
          + (entity.audit() ? " and the timestamps" : "") + ".", names.createInput(), create));
    }
    if (!update.isEmpty()) {
      list.add(TypeView.input("Changes to " + Sentences.article(prose()) + ": fields left out stay as they are; "
          + "null clears an optional field; a list of ids is replaced as a whole.", names.updateInput(), update));
    }
    String errors = "Why it failed; empty on success.";
    list.add(TypeView.object("The result of create" + names.type() + ".", names.createPayload(), List.of(
        FieldView.of("The new " + prose() + "; null when errors is not empty.", lowerType(), names.type()),
        FieldView.of(errors, "errors", "[UserError!]!"))));
    list.add(TypeView.object("The result of update" + names.type() + ".", names.updatePayload(), List.of(
        FieldView.of("The " + prose() + " as changed; null when errors is not empty.", lowerType(), names.type()),
        FieldView.of(errors, "errors", "[UserError!]!"))));
    list.add(TypeView.object("The result of delete" + names.type() + ".", names.deletePayload(), List.of(
        FieldView.of("The id of the deleted " + prose() + "; null when errors is not empty.", "deletedId", "ID"),
        FieldView.of(errors, "errors", "[UserError!]!"))));
    return list;
  }

  /** The three mutation fields, each with the roles that may write. */
  List<FieldView> fields(List<String> writeRoles) {
    String one = prose();
    String common = " Errors come back in the payload's errors: ValidationError for an input field that breaks "
        + "its rules (the field names it), ForbiddenError when the caller lacks a role";
    String deleteErrors = " Errors come back in the payload's errors: ForbiddenError when the caller lacks a role";
    ArgView id = new ArgView(Doc.of("The id of the " + one + "."), "id", "ID!", null);
    List<ArgView> createArgs = inputFields(true).isEmpty() ? List.of()
        : List.of(new ArgView(Doc.of("The new " + one + "."), "input", names.createInput() + "!", null));
    List<ArgView> updateArgs = new ArrayList<>(List.of(id));
    if (!inputFields(false).isEmpty()) {
      updateArgs.add(new ArgView(Doc.of("The changes."), "input", names.updateInput() + "!", null));
    }
    updateArgs.add(new ArgView(Doc.of("The " + names.version() + " the caller last read; the update happens only "
        + "if the " + one + " still has it. Leave it out to update regardless."), "expectedVersion", "Int", null));
    return List.of(
        new FieldView(Doc.of("Creates " + Sentences.article(one) + "." + common + ", NotFoundError when a "
            + "referenced id does not exist, ConflictError when a unique field's value is taken."), names.create(),
            createArgs, names.createPayload() + "!", null, writeRoles),
        new FieldView(Doc.of("Changes " + Sentences.article(one) + "." + common + ", NotFoundError when no " + one
            + " has the id, ConflictError when expectedVersion is stale or a unique value is taken."),
            names.update(), updateArgs, names.updatePayload() + "!", null, writeRoles),
        new FieldView(Doc.of((entity.softDelete() ? "Deletes " + Sentences.article(one) + " softly: it is kept "
            + "for audit but no longer returned." : "Deletes " + Sentences.article(one) + " for good.") + deleteErrors
            + ", NotFoundError when no " + one + " has the id" + (referenced ? ", ConflictError while other records "
            + "still refer to it." : ".")), names.delete(), List.of(id), names.deletePayload() + "!", null,
            writeRoles));
  }

  private List<FieldView> inputFields(boolean create) {
    List<FieldView> fields = new ArrayList<>();
    for (Field f : entity.fields()) {
      if (f.name().equals(entity.states())) {
        continue; // only the operations change the state
      }
      boolean required = create && f.required() && f.defaultValue() == null;
      fields.add(new FieldView(Doc.of(create ? text.input(entity, f) : text.field(entity, f)), f.name(), List.of(),
          types.type(f) + (required ? "!" : ""), create ? literal(f) : null, null));
    }
    for (Relation r : entity.relations()) {
      String what = Naming.prose(r.to());
      switch (r.kind()) {
        case MANY_TO_ONE, ONE_TO_ONE -> fields.add(FieldView.of(text.relation(r, "The id of the " + what + " ("
            + r.kind().spelling() + ")."), r.name() + "Id", "ID" + (create && r.required() ? "!" : "")));
        case MANY_TO_MANY -> fields.add(FieldView.of(text.relation(r, "The ids of the "
            + Naming.prose(Naming.plural(r.to())) + " (many-to-many), without duplicates."),
            Naming.idsName(r.name()), "[ID!]"));
        case ONE_TO_MANY -> { }
      }
    }
    return fields;
  }

  /**
   * The default of a create input field as a GraphQL literal, for the types whose literal is plain
   * (enum, boolean, integer, string); the others say their default in the description only.
   */
  private String literal(Field f) {
    String v = f.defaultValue();
    if (v == null) {
      return null;
    }
    return switch (f.type()) {
      case ENUM -> enumLiteral(f, v);
      case BOOLEAN -> String.valueOf(Boolean.parseBoolean(v.trim()));
      case INTEGER -> v.trim();
      case STRING, TEXT -> quoted(v);
      default -> null;
    };
  }

  /** The enum value's GraphQL name as {@link EnumValues} made it (the same order and numbering). */
  private static String enumLiteral(Field f, String value) {
    EnumView view = EnumValues.of(Doc.of(""), "E", f.values());
    int index = f.values().indexOf(value);
    return index < 0 ? null : view.values().get(index).name();
  }

  static String quoted(String v) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private String lowerType() {
    return Naming.lowerCamel(names.type());
  }

  private String prose() {
    return Naming.prose(entity.name());
  }
}
