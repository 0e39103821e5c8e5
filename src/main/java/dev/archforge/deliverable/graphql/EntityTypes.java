package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Listing;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The read side of one entity: its object type (secrets left out, relations within the service as
 * object fields and connections), its enums, its Relay connection and edge, and the filter and
 * order inputs of its list query.
 */
final class EntityTypes {

  private final Entity entity;
  private final EntityNames names;
  private final Map<String, EntityNames> all;
  private final Scalars scalars;
  private final FieldText text;
  private final Paging paging;

  EntityTypes(Entity entity, Map<String, EntityNames> all, Scalars scalars, FieldText text, Paging paging) {
    this.entity = entity;
    this.names = all.get(entity.name());
    this.all = all;
    this.scalars = scalars;
    this.text = text;
    this.paging = paging;
  }

  TypeView object(List<String> readRoles) {
    List<FieldView> fields = new ArrayList<>();
    fields.add(FieldView.of("The " + prose() + "'s id, assigned by the service.", "id", "ID!"));
    for (Field f : entity.fields()) {
      if (!f.secret()) {
        fields.add(FieldView.of(text.field(entity, f), f.name(),
            type(f) + (f.required() || f.defaultValue() != null ? "!" : "")));
      }
    }
    for (Relation r : entity.relations()) {
      EntityNames target = all.get(r.to());
      if (target == null) {
        throw new IllegalStateException("relation " + entity.name() + "." + r.name() + " to " + r.to()
            + ", which the service does not own");
      }
      String what = Naming.prose(r.to());
      switch (r.kind()) {
        case MANY_TO_ONE, ONE_TO_ONE -> fields.add(FieldView.of(text.relation(r, "The " + what + " ("
            + r.kind().spelling() + ")."), r.name(), target.type() + (r.required() ? "!" : "")));
        case ONE_TO_MANY, MANY_TO_MANY -> fields.add(new FieldView(Doc.of(text.relation(r, "The "
            + Naming.prose(Naming.plural(r.to())) + " (" + r.kind().spelling() + "), one page at a time.")),
            r.name(), paging.args(Naming.prose(Naming.plural(r.to()))), target.connection() + "!", null, null));
      }
    }
    fields.add(FieldView.of("Counts the changes to the " + prose() + ": 1 when created, one more with every "
        + "update. Pass it as expectedVersion to update the " + prose() + " only if nobody changed it since.",
        names.version(), "Int!"));
    if (entity.audit()) {
      fields.add(FieldView.of("When the " + prose() + " was created.", "createdAt", scalars.dateTime() + "!"));
      fields.add(FieldView.of("When the " + prose() + " was last changed.", "updatedAt", scalars.dateTime() + "!"));
    }
    String secrets = entity.fields().stream().filter(Field::secret).map(Field::name).reduce((a, b) -> a + ", " + b)
        .map(s -> " Secret fields (" + s + ") are write-only and not part of this type.").orElse("");
    return new TypeView("type", Doc.of(description() + secrets), names.type(), null, readRoles, fields);
  }

  TypeView connection() {
    String plural = Naming.prose(Naming.plural(entity.name()));
    return TypeView.object("One page of " + plural + " (a Relay connection).", names.connection(), List.of(
        FieldView.of("The " + plural + " of this page with their cursors, in the order asked for.", "edges",
            "[" + names.edge() + "!]!"),
        FieldView.of("The " + plural + " of this page, without cursors.", "nodes", "[" + names.type() + "!]!"),
        FieldView.of("Where this page is in the whole list.", "pageInfo", "PageInfo!")));
  }

  TypeView edge() {
    return TypeView.object(Sentences.capitalized(Sentences.article(prose())) + " in a page, with its cursor.",
        names.edge(), List.of(
            FieldView.of("Pass it as after to get the " + Naming.prose(Naming.plural(entity.name()))
                + " that follow this one.", "cursor", "String!"),
            FieldView.of("The " + prose() + ".", "node", names.type() + "!")));
  }

  /** One enum per enum field, then the fields the list can be ordered by. */
  List<EnumView> enums() {
    List<EnumView> enums = new ArrayList<>();
    for (Field f : entity.fields()) {
      if (f.type() == FieldType.ENUM) {
        enums.add(EnumValues.of(Doc.of("The values of " + Naming.prose(entity.name()) + "." + f.name() + "."),
            names.enums().get(f.name()), f.values()));
      }
    }
    List<EnumView.EnumValueView> order = new ArrayList<>();
    for (String field : sortFields()) {
      order.add(new EnumView.EnumValueView(Doc.of("By " + Naming.prose(field) + "."),
          Naming.snake(field).toUpperCase(java.util.Locale.ROOT)));
    }
    enums.add(new EnumView(Doc.of("What a list of " + Naming.prose(Naming.plural(entity.name()))
        + " can be ordered by."), names.orderField(), order));
    return enums;
  }

  /** The filter input, or null when no field can be filtered on. */
  TypeView filter() {
    List<FieldView> fields = filterFields();
    return fields.isEmpty() ? null : TypeView.input("Only " + Naming.prose(Naming.plural(entity.name()))
        + " that match every field given here; fields left out match all.", names.filter(), fields);
  }

  TypeView order() {
    return TypeView.input("The order of a list of " + Naming.prose(Naming.plural(entity.name()))
        + "; ties are broken by id, so pages never overlap.", names.order(), List.of(
        FieldView.of("What to order by.", "field", names.orderField() + "!"),
        new FieldView(Doc.of("Ascending or descending."), "direction", List.of(), "OrderDirection!", "ASC", null)));
  }

  /** The list query's default order literal: newest first with timestamps, otherwise by id. */
  String defaultOrder() {
    return entity.audit() ? "{field: CREATED_AT, direction: DESC}" : "{field: ID, direction: ASC}";
  }

  /** The GraphQL type of a field, without {@code !}. */
  String type(Field f) {
    return scalars.of(f, names.enums().get(f.name()));
  }

  String description() {
    return entity.description() != null && !entity.description().isBlank()
        ? Sentences.sentence(entity.description())
        : Sentences.sentence(Sentences.capitalized(Sentences.article(prose())));
  }

  String prose() {
    return Naming.prose(entity.name());
  }

  private List<FieldView> filterFields() {
    List<FieldView> fields = new ArrayList<>();
    String plural = Naming.prose(Naming.plural(entity.name()));
    for (Field f : entity.fields()) {
      if (Listing.filterable(f)) {
        fields.add(FieldView.of("Only " + plural + " whose " + Naming.prose(f.name()) + " equals this value.",
            f.name(), type(f)));
      }
    }
    for (Relation r : entity.relations()) {
      if (r.kind() == RelationKind.MANY_TO_ONE || r.kind() == RelationKind.ONE_TO_ONE) {
        fields.add(FieldView.of("Only " + plural + " whose " + Naming.prose(r.name()) + " is the "
            + Naming.prose(r.to()) + " with this id.", r.name() + "Id", "ID"));
      }
    }
    return fields;
  }

  private List<String> sortFields() {
    return List.copyOf(new LinkedHashSet<>(Listing.sortFields(entity)));
  }
}
