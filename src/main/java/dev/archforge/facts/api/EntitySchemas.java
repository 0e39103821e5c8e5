package dev.archforge.facts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.facts.Listing;
import dev.archforge.facts.Naming;
import dev.archforge.facts.References;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas of one resource: {@code <Entity>} as returned, {@code <Entity>Create} and
 * {@code <Entity>Patch} as sent, {@code <Entity>Page}; and the list parameters that depend on its
 * fields (filters, sort). Secrets appear in request schemas only, write-only.
 */
final class EntitySchemas {
  /** Query parameters of list operations that a filter must not shadow. */
  static final Set<String> RESERVED_QUERY = Set.of("limit", "cursor", "sort");

  private final Entity entity;
  private final Requirements requirements;
  private final FieldSchemas fields;
  private final boolean referenced;

  /** @param referenced whether other records refer to the entity ({@link References}) */
  EntitySchemas(Entity entity, Requirements requirements, FieldSchemas fields, boolean referenced) {
    this.entity = entity;
    this.requirements = requirements;
    this.fields = fields;
    this.referenced = referenced;
  }

  /** The resource as responses carry it: id and timestamps read-only, no secrets. */
  SchemaView resource() {
    List<PropertyView> props = new ArrayList<>();
    List<String> required = new ArrayList<>();
    props.add(fields.id(entity));
    required.add("id");
    for (Field f : entity.fields()) {
      if (!f.secret()) {
        props.add(isState(f) ? fields.field(entity, f).withFlags(true, false, false) : fields.field(entity, f));
        if (f.required() || f.defaultValue() != null) {
          required.add(f.name());
        }
      }
    }
    for (Relation r : entity.relations()) {
      reference(r).ifPresent(p -> {
        props.add(p);
        if (r.required() || r.kind() == RelationKind.MANY_TO_MANY) {
          required.add(p.name());
        }
      });
    }
    if (entity.audit()) {
      props.add(fields.timestamp("createdAt", "When the " + prose() + " was created (UTC, RFC 3339)."));
      props.add(fields.timestamp("updatedAt", "When the " + prose() + " was last changed (UTC, RFC 3339)."));
      required.add("createdAt");
      required.add("updatedAt");
    }
    String secrets = entity.fields().stream().filter(Field::secret).map(Field::name).reduce((a, b) -> a + ", " + b)
        .map(s -> " Secret fields (" + s + ") are write-only and never returned.").orElse("");
    return new SchemaView(entity.name(), description() + " Optional properties without a value are left out."
        + secrets, props, required, false);
  }

  /** The body of a create request: no id or timestamps, unknown properties rejected. */
  SchemaView create() {
    List<PropertyView> props = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (Field f : entity.fields()) {
      if (isState(f)) {
        continue;
      }
      props.add(writable(f));
      if (f.required() && f.defaultValue() == null) {
        required.add(f.name());
      }
    }
    for (Relation r : entity.relations()) {
      reference(r).ifPresent(p -> {
        props.add(p);
        if (r.required() && r.kind() != RelationKind.MANY_TO_MANY) {
          required.add(p.name());
        }
      });
    }
    return new SchemaView(entity.name() + "Create", "The fields of a new " + prose()
        + "; the service assigns the id" + (entity.audit() ? " and the timestamps" : "")
        + (entity.states() != null ? "; " + entity.states() + " starts as `" + entity.stateField().orElseThrow()
        .defaultValue() + "` and only the operations change it" : "") + ".", props, required, true);
  }

  /** The body of a domain operation with input: its fields, unknown properties rejected. */
  SchemaView request(DomainOperation op) {
    List<PropertyView> props = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (Field f : op.operation().input()) {
      props.add(writable(f));
      if (f.required() && f.defaultValue() == null) {
        required.add(f.name());
      }
    }
    return new SchemaView(op.requestName(), "The input of " + op.name() + " ("
        + Naming.prose(op.name()) + " " + Sentences.article(prose()) + ").", props, required, true);
  }

  private boolean isState(Field f) {
    return f.name().equals(entity.states());
  }

  /**
   * The body of a JSON Merge Patch (RFC 7396): every property optional; {@code null} clears an
   * optional one, so those are nullable.
   */
  SchemaView patch() {
    List<PropertyView> props = new ArrayList<>();
    for (Field f : entity.fields()) {
      if (isState(f)) {
        continue;
      }
      PropertyView p = writable(f).withoutDefault();
      props.add(p.withFlags(false, f.secret(), !f.required()));
    }
    for (Relation r : entity.relations()) {
      reference(r).ifPresent(p -> props.add(p.withFlags(false, false,
          !r.required() && r.kind() != RelationKind.MANY_TO_MANY)));
    }
    return new SchemaView(entity.name() + "Patch", "Changes to " + Sentences.article(prose())
        + " as a JSON Merge Patch (RFC 7396): properties left out stay as they are; null clears an optional"
        + " property; a list is replaced as a whole.", props, List.of(), true);
  }

  /** One page of the list operation, with an example page of one resource. */
  PageView page(int maxItems, int cursorMaxLength, String cursorExample) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    for (PropertyView p : resource().properties()) {
      JsonNode example = FieldSchemas.exampleOf(p);
      if (example != null) {
        item.set(p.name(), example);
      }
    }
    return new PageView(entity.name() + "Page", "One page of " + Naming.prose(Naming.plural(entity.name()))
        + ". nextCursor is null on the last page.", entity.name(), maxItems, cursorMaxLength,
        Literal.of(JsonNodeFactory.instance.arrayNode().add(item)), cursorExample);
  }

  /** Query parameters of the list operation: fields that are unique, indexed or enums, and references. */
  List<ParameterView> filters() {
    List<ParameterView> list = new ArrayList<>();
    String plural = Naming.prose(Naming.plural(entity.name()));
    for (Field f : entity.fields()) {
      if (Listing.filterable(f) && !RESERVED_QUERY.contains(f.name())) {
        PropertyView schema = fields.field(entity, f).withoutDefault().withDescription(null);
        list.add(new ParameterView(f.name(), "query", "Only " + plural + " whose " + Naming.prose(f.name())
            + " equals this value.", false, schema));
      }
    }
    for (Relation r : entity.relations()) {
      if (r.kind() == RelationKind.MANY_TO_ONE || r.kind() == RelationKind.ONE_TO_ONE) {
        reference(r).filter(p -> !RESERVED_QUERY.contains(p.name())).ifPresent(p -> list.add(new ParameterView(
            p.name(), "query", "Only " + plural + " whose " + Naming.prose(r.name()) + " is this "
            + Naming.prose(r.to()) + ".", false, p.withDescription(null))));
      }
    }
    return list;
  }

  /** The values of the {@code sort} parameter: {@code <field>:asc} and {@code <field>:desc}. */
  List<String> sortValues() {
    List<String> values = new ArrayList<>();
    for (String n : Listing.sortFields(entity)) {
      values.add(n + ":asc");
      values.add(n + ":desc");
    }
    return values;
  }

  /**
   * Whether the resource is versioned, so that updates are conditional: it has audit timestamps.
   * {@code updatedAt} changes with every write, so the service derives a strong ETag from the id
   * and {@code updatedAt} (or a version column, where the schema has one) and updates with
   * {@code WHERE id = ? AND updated_at = ?}; without timestamps there is no cheap version to
   * compare, and a stale write is not detected.
   */
  boolean versioned() {
    return entity.audit();
  }

  String defaultSort() {
    return entity.audit() ? "createdAt:desc" : "id:asc";
  }

  /** The path parameter naming one resource, e.g. {@code productId}. */
  ParameterView idParameter() {
    String name = Naming.idName(entity.name());
    return new ParameterView(name, "path", "The id of the " + prose() + ".", true,
        fields.idSchema(name, entity.id(), entity.name(), null));
  }

  /** Whether another entity of the requirements refers to this one (a delete may then conflict). */
  boolean isReferenced() {
    return referenced;
  }

  String description() {
    return entity.description() != null && !entity.description().isBlank()
        ? Sentences.sentence(entity.description())
        : Sentences.sentence(Sentences.capitalized(Sentences.article(prose())));
  }

  String prose() {
    return Naming.prose(entity.name());
  }

  private PropertyView writable(Field f) {
    PropertyView p = fields.field(entity, f);
    return f.secret() ? p.withFlags(false, true, false) : p;
  }

  /** The property a relation puts on this side, if any: {@code <name>Id} or {@code <name>Ids}. */
  private Optional<PropertyView> reference(Relation r) {
    Entity target = requirements.entity(r.to()).orElseThrow(
        () -> new IllegalStateException("relation " + entity.name() + "." + r.name() + " to unknown " + r.to()));
    String about = r.description() != null && !r.description().isBlank() ? Sentences.sentence(r.description())
        + " " : "";
    return switch (r.kind()) {
      case MANY_TO_ONE, ONE_TO_ONE -> Optional.of(fields.idSchema(r.name() + "Id", target.id(),
          target.name(), about + "The id of the " + Naming.prose(r.to()) + " (" + r.kind().spelling() + ")."
          + (r.kind() == RelationKind.ONE_TO_ONE ? " No two " + Naming.prose(Naming.plural(entity.name()))
          + " refer to the same " + Naming.prose(r.to()) + "." : "")));
      case MANY_TO_MANY -> Optional.of(fields.idArray(Naming.idsName(r.name()), target.id(),
          target.name(), about + "The ids of the " + Naming.prose(Naming.plural(r.to())) + " (many-to-many), "
          + "without duplicates."));
      case ONE_TO_MANY -> Optional.empty();
    };
  }
}
