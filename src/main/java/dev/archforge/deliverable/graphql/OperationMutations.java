package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * One mutation per domain operation of an entity, named {@link DomainOperation#operationId()}, with
 * its input type and its payload: errors as data, a {@code StateError} when the entity is in a
 * state the operation does not start from.
 */
final class OperationMutations {
  private final EntityNames names;
  private final FieldText text;
  private final Scalars scalars;
  private final TypeNames typeNames;
  private final TypeNames mutationNames;
  private final List<TypeView> typeViews = new ArrayList<>();
  private final List<EnumView> enums = new ArrayList<>();
  private final List<FieldView> fields = new ArrayList<>();

  OperationMutations(EntityNames names, FieldText text, Scalars scalars, TypeNames typeNames,
      TypeNames mutationNames) {
    this.names = names;
    this.text = text;
    this.scalars = scalars;
    this.typeNames = typeNames;
    this.mutationNames = mutationNames;
  }

  void add(DomainOperation op) {
    Operation o = op.operation();
    Entity entity = op.entity();
    String one = Naming.prose(entity.name());
    String base = op.rpcName();
    List<ArgView> args = new ArrayList<>();
    if (!o.onCollection()) {
      args.add(new ArgView(Doc.of("The id of the " + one + "."), "id", "ID!", null));
    }
    if (!o.input().isEmpty()) {
      String input = typeNames.claim(base + "Input");
      List<FieldView> inputFields = new ArrayList<>();
      for (Field f : o.input()) {
        String type = f.type() == FieldType.ENUM ? enumType(base, f) : scalars.of(f, null);
        inputFields.add(new FieldView(Doc.of(text.input(entity, f)), f.name(), List.of(),
            type + (f.required() && f.defaultValue() == null ? "!" : ""), null, null));
      }
      typeViews.add(TypeView.input("The input of " + op.operationId() + ".", input, inputFields));
      args.add(new ArgView(Doc.of("The input of the operation."), "input", input + "!", null));
    }
    String payload = typeNames.claim(base + "Payload");
    typeViews.add(TypeView.object("The result of " + op.operationId() + ".", payload, List.of(
        FieldView.of("The " + one + (o.onCollection() ? ", new" : " as changed") + "; null when errors is not empty.",
            Naming.lowerCamel(names.type()), names.type()),
        FieldView.of("Why it failed; empty on success.", "errors", "[UserError!]!"))));
    fields.add(new FieldView(Doc.of(describe(op)), mutationNames.claim(op.operationId()), args, payload + "!", null,
        op.roles()));
  }

  List<TypeView> types() {
    return List.copyOf(typeViews);
  }

  List<EnumView> enums() {
    return List.copyOf(enums);
  }

  List<FieldView> fields() {
    return List.copyOf(fields);
  }

  private String describe(DomainOperation op) {
    Operation o = op.operation();
    Entity entity = op.entity();
    String one = Naming.prose(entity.name());
    List<String> parts = new ArrayList<>(op.sentences(""));
    parts.add("Errors come back in the payload's errors: ForbiddenError when the caller lacks a role"
        + (o.input().isEmpty() ? "" : ", ValidationError for an input field that breaks its rules")
        + (o.onCollection() ? "" : ", NotFoundError when no " + one + " has the id")
        + (o.from().isEmpty() ? "." : ", StateError when the " + one + " is in another state."));
    return String.join(" ", parts);
  }

  private String enumType(String base, Field f) {
    String name = typeNames.claim(base + Naming.pascal(f.name()));
    enums.add(EnumValues.of(Doc.of("The values of " + Naming.prose(f.name()) + "."), name, f.values()));
    return name;
  }
}
