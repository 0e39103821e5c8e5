package dev.archforge.deliverable.grpc;

import dev.archforge.facts.Listing;
import dev.archforge.facts.Naming;
import dev.archforge.facts.References;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The resource message of one entity and its standard methods: Get, List (page size and token,
 * filter, order), Create (with a request id for safe retries), Update (with a field mask) and
 * Delete, each with request and response messages named as buf's STANDARD lint rules want. Create
 * and Update carry {@code <Entity>Input}: the fields a client sets, never the id or timestamps.
 *
 * <p>Field numbers: {@code id} is 1, {@code created_at} 2 and {@code updated_at} 3 (left unused
 * without audit timestamps), then the fields and the references in the order the requirements
 * declare them, from 4.
 */
final class EntityMessages {
  static final int FIRST_DECLARED = 4;

  private final Entity entity;
  private final Requirements requirements;
  private final ProtoTypes types;
  private final Roles roles;
  private final Paging paging;
  private final boolean referenced;

  /** @param referenced whether other records refer to the entity ({@link References}) */
  EntityMessages(Entity entity, Requirements requirements, ProtoTypes types, Roles roles, Paging paging,
      boolean referenced) {
    this.referenced = referenced;
    this.entity = entity;
    this.requirements = requirements;
    this.types = types;
    this.roles = roles;
    this.paging = paging;
  }

  MessageView resource() {
    List<ProtoFieldView> fields = new ArrayList<>();
    fields.add(new ProtoFieldView(Comment.lines("The " + prose() + "'s id, assigned by the service"
        + (entity.id() == IdType.UUID ? " (a UUID)." : ".")), null, idType(entity), "id", 1));
    if (entity.audit()) {
      fields.add(new ProtoFieldView(Comment.lines("When the " + prose() + " was created; set by the service."),
          null, types.timestamp(), "created_at", 2));
      fields.add(new ProtoFieldView(Comment.lines("When the " + prose() + " was last changed; set by the service."),
          null, types.timestamp(), "updated_at", 3));
    }
    List<ProtoEnumView> enums = new ArrayList<>();
    fields.addAll(declared(FIRST_DECLARED, enums, "", false));
    String children = entity.relations().stream().filter(r -> r.kind() == RelationKind.ONE_TO_MANY)
        .map(r -> " Its " + Naming.prose(r.name()) + " are listed with List" + Naming.plural(r.to()) + ".")
        .reduce("", String::concat);
    return new MessageView(Comment.lines(description() + children), entity.name(), enums, fields);
  }

  /**
   * What create and update requests carry: the declared fields and references, numbered from 1,
   * without the id and timestamps, which the service alone sets.
   */
  MessageView input() {
    return new MessageView(Comment.lines("The fields of " + Sentences.article(prose()) + " that a client sets; "
        + "the service sets its id" + (entity.audit() ? " and timestamps" : "") + "."), inputName(), List.of(),
        declared(1, new ArrayList<>(), entity.name() + ".", true));
  }

  /** {@code <Entity>Input}, or {@code <Entity>WriteInput} when an entity already has that name. */
  String inputName() {
    String name = entity.name() + "Input";
    return requirements.entity(name).isPresent() ? entity.name() + "WriteInput" : name;
  }

  /**
   * The declared fields and references from {@code number}; enums are added to {@code enums}, named after
   * {@code enumScope}. An input leaves out the state field, which only the operations change.
   */
  private List<ProtoFieldView> declared(int first, List<ProtoEnumView> enums, String enumScope, boolean input) {
    List<ProtoFieldView> fields = new ArrayList<>();
    int number = first;
    for (Field f : entity.fields()) {
      if (input && f.name().equals(entity.states())) {
        continue;
      }
      String enumName = null;
      if (f.type() == FieldType.ENUM) {
        enumName = Naming.pascal(f.name());
        enums.add(ProtoEnums.of(Comment.lines("The values of " + Naming.prose(f.name()) + "."), enumName,
            Naming.snake(f.name()).toUpperCase(Locale.ROOT), f.values()));
      }
      fields.add(new ProtoFieldView(types.comment(entity, f), ProtoTypes.label(f),
          types.type(f, enumName == null ? null : enumScope + enumName), Naming.snake(f.name()), number++));
    }
    for (Relation r : entity.relations()) {
      Entity target = target(r);
      String about = r.description() != null && !r.description().isBlank()
          ? Sentences.sentence(r.description()) + " " : "";
      switch (r.kind()) {
        case MANY_TO_ONE, ONE_TO_ONE -> fields.add(new ProtoFieldView(Comment.lines(about + "The id of the "
            + Naming.prose(r.to()) + " (" + r.kind().spelling() + ")." + (r.required() ? " Required." : "")),
            r.required() ? null : "optional", idType(target), Naming.snake(r.name()) + "_id", number++));
        case MANY_TO_MANY -> fields.add(new ProtoFieldView(Comment.lines(about + "The ids of the "
            + Naming.prose(Naming.plural(r.to())) + " (many-to-many), without duplicates."), "repeated",
            idType(target), Naming.snake(Naming.idsName(r.name())), number++));
        case ONE_TO_MANY -> { }
      }
    }
    return fields;
  }

  List<RpcView> rpcs() {
    String one = prose();
    String plural = Naming.prose(Naming.plural(entity.name()));
    List<RpcView> rpcs = new ArrayList<>();
    rpcs.add(rpc("Get" + entity.name(), "Returns one " + one + " by its id; NOT_FOUND when none has it"
        + (entity.softDelete() ? " (a deleted " + one + " is none)." : ".") + " " + roles.describe(entity, false)));
    rpcs.add(rpc("List" + Naming.plural(entity.name()), "Lists " + plural + " one page at a time"
        + (entity.softDelete() ? "; deleted " + plural + " are not listed. " : ". ") + roles.describe(entity, false)));
    if (!roles.write(entity).isEmpty()) {
      String write = roles.describe(entity, true);
      rpcs.add(rpc("Create" + entity.name(), "Creates " + Sentences.article(one) + " and returns it with its "
          + "id. INVALID_ARGUMENT when a field breaks its rules, ALREADY_EXISTS when a unique value is taken. "
          + write));
      rpcs.add(rpc("Update" + entity.name(), "Changes the fields of " + Sentences.article(one) + " that "
          + "update_mask names and returns it as changed. NOT_FOUND when no " + one + " has the id, "
          + "INVALID_ARGUMENT when a field breaks its rules. " + write));
      rpcs.add(rpc("Delete" + entity.name(), (entity.softDelete() ? "Deletes " + Sentences.article(one)
          + " softly: it is kept for audit but no longer returned." : "Deletes " + Sentences.article(one)
          + " for good.") + " NOT_FOUND when no " + one + " has the id" + (isReferenced()
          ? ", FAILED_PRECONDITION while other records still refer to it. " : ". ") + write));
    }
    return rpcs;
  }

  /** The requests and responses of {@link #rpcs()}, in the same order. */
  List<MessageView> messages() {
    String one = prose();
    String name = entity.name();
    String plural = Naming.plural(name);
    String single = Naming.snake(name);
    List<MessageView> list = new ArrayList<>();
    ProtoFieldView id = new ProtoFieldView(Comment.lines("The id of the " + one + "."), null, idType(entity), "id", 1);
    ProtoFieldView resource = new ProtoFieldView(Comment.lines("The " + one + "."), null, name, single, 1);
    list.add(message("The request of Get" + name + ".", "Get" + name + "Request", id));
    list.add(message("The response of Get" + name + ".", "Get" + name + "Response", resource));
    list.add(message("The request of List" + plural + ".", "List" + plural + "Request", paging.request(
        Naming.prose(plural), filterFields(), sortFields(), entity.audit() ? "created_at desc" : "id")));
    list.add(message("The response of List" + plural + ": one page.", "List" + plural + "Response",
        new ProtoFieldView(Comment.lines("The " + Naming.prose(plural) + " of this page, in the order asked for."),
            "repeated", name, Naming.snake(plural), 1),
        new ProtoFieldView(Comment.lines("Pass it as page_token to get the next page; empty on the last page."),
            null, "string", "next_page_token", 2)));
    if (roles.write(entity).isEmpty()) {
      return list;
    }
    list.add(input());
    list.add(message("The request of Create" + name + ".", "Create" + name + "Request",
        new ProtoFieldView(Comment.lines("The new " + one + "; the service assigns its id"
            + (entity.audit() ? " and timestamps" : "") + "."), null, inputName(), single, 1),
        new ProtoFieldView(Comment.lines("A unique id the client chooses for this creation, such as a UUID: a retry "
            + "with the same request_id returns the " + one + " created the first time instead of creating "
            + "another. Optional."), null, "string", "request_id", 2)));
    list.add(message("The response of Create" + name + ".", "Create" + name + "Response",
        new ProtoFieldView(Comment.lines("The new " + one + ", with its id."), null, name, single, 1)));
    list.add(message("The request of Update" + name + ".", "Update" + name + "Request",
        new ProtoFieldView(Comment.lines("The id of the " + one + " to change."), null, idType(entity), "id", 1),
        new ProtoFieldView(Comment.lines("The new values of the fields update_mask names."), null, inputName(),
            single, 2),
        new ProtoFieldView(Comment.lines("The fields to change, by their names in " + inputName()
            + firstField() + ". A named field left unset is cleared. Without a mask, every field set in "
            + single + " is changed."), null, types.fieldMask(), "update_mask", 3)));
    list.add(message("The response of Update" + name + ".", "Update" + name + "Response",
        new ProtoFieldView(Comment.lines("The " + one + " as changed."), null, name, single, 1)));
    list.add(message("The request of Delete" + name + ".", "Delete" + name + "Request", id));
    list.add(message("The response of Delete" + name + ": empty; the deletion is done when it arrives.",
        "Delete" + name + "Response"));
    return list;
  }

  private List<String> filterFields() {
    List<String> names = new ArrayList<>();
    for (Field f : entity.fields()) {
      if (Listing.filterable(f)) {
        names.add(Naming.snake(f.name()));
      }
    }
    for (Relation r : entity.relations()) {
      if (r.kind() == RelationKind.MANY_TO_ONE || r.kind() == RelationKind.ONE_TO_ONE) {
        names.add(Naming.snake(r.name()) + "_id");
      }
    }
    return names;
  }

  private List<String> sortFields() {
    return List.copyOf(new LinkedHashSet<>(Listing.sortFields(entity).stream().map(Naming::snake).toList()));
  }

  /** {@code , such as <first field>}, or nothing when the input has no field. */
  private String firstField() {
    List<ProtoFieldView> fields = declared(1, new ArrayList<>(), "", true);
    return fields.isEmpty() ? "" : ", such as " + fields.get(0).name();
  }

  private static RpcView rpc(String name, String comment) {
    return new RpcView(Comment.lines(comment), name, name + "Request", name + "Response");
  }

  private static MessageView message(String comment, String name, ProtoFieldView... fields) {
    return message(comment, name, List.of(fields));
  }

  private static MessageView message(String comment, String name, List<ProtoFieldView> fields) {
    return new MessageView(Comment.lines(comment), name, List.of(), fields);
  }

  private Entity target(Relation r) {
    return requirements.entity(r.to()).orElseThrow(() -> new IllegalStateException(
        "relation " + entity.name() + "." + r.name() + " to unknown " + r.to()));
  }

  private static String idType(Entity e) {
    return e.id() == IdType.UUID ? "string" : "int64";
  }

  private boolean isReferenced() {
    return referenced;
  }

  private String description() {
    return entity.description() != null && !entity.description().isBlank()
        ? Sentences.sentence(entity.description())
        : Sentences.sentence(Sentences.capitalized(Sentences.article(prose())));
  }

  private String prose() {
    return Naming.prose(entity.name());
  }
}
