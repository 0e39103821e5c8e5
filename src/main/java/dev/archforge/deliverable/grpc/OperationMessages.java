package dev.archforge.deliverable.grpc;

import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.api.DomainOperation;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One RPC per domain operation ({@link DomainOperation#rpcName()}), with its request (the id on
 * one entity, the input fields, a request id for safe retries) and a response holding the entity.
 */
final class OperationMessages {
  private final ProtoTypes types;
  private final Roles roles;

  OperationMessages(ProtoTypes types, Roles roles) {
    this.types = types;
    this.roles = roles;
  }

  RpcView rpc(DomainOperation op) {
    Operation o = op.operation();
    Entity entity = op.entity();
    String one = Naming.prose(entity.name());
    List<String> parts = new ArrayList<>();
    if (!o.onCollection()) {
      parts.add("NOT_FOUND when no " + one + " has the id.");
    }
    parts.addAll(op.sentences("; in any other state FAILED_PRECONDITION and nothing changes"));
    parts.add(roles.describe(op.roles()));
    return new RpcView(Comment.lines(String.join(" ", parts)), op.rpcName(), op.requestName(), response(op));
  }

  List<MessageView> messages(DomainOperation op) {
    Entity entity = op.entity();
    String one = Naming.prose(entity.name());
    List<ProtoFieldView> fields = new ArrayList<>();
    List<ProtoEnumView> enums = new ArrayList<>();
    int number = 1;
    if (!op.operation().onCollection()) {
      fields.add(new ProtoFieldView(Comment.lines("The id of the " + one + "."), null,
          entity.id() == IdType.UUID ? "string" : "int64", "id", number++));
    }
    for (Field f : op.operation().input()) {
      String enumName = null;
      if (f.type() == FieldType.ENUM) {
        enumName = Naming.pascal(f.name());
        enums.add(ProtoEnums.of(Comment.lines("The values of " + Naming.prose(f.name()) + "."), enumName,
            Naming.snake(f.name()).toUpperCase(Locale.ROOT), f.values()));
      }
      fields.add(new ProtoFieldView(types.comment(entity, f), ProtoTypes.label(f), types.type(f, enumName),
          Naming.snake(f.name()), number++));
    }
    fields.add(new ProtoFieldView(Comment.lines("A unique id the client chooses for this call, such as a UUID: a "
        + "retry with the same request_id returns the first answer instead of acting twice. Optional."), null,
        "string", "request_id", number));
    return List.of(
        new MessageView(Comment.lines("The request of " + op.rpcName() + "."), op.requestName(), enums, fields),
        new MessageView(Comment.lines("The response of " + op.rpcName() + "."), response(op), List.of(),
            List.of(new ProtoFieldView(Comment.lines("The " + one + (op.operation().onCollection() ? ", new."
                : " as changed.")), null, entity.name(), Naming.snake(entity.name()), 1))));
  }

  private static String response(DomainOperation op) {
    return op.rpcName() + "Response";
  }
}
