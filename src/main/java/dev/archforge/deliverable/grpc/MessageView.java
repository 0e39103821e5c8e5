package dev.archforge.deliverable.grpc;

import java.util.List;

/** A message with its nested enums and its fields. */
public record MessageView(List<String> comment, String name, List<ProtoEnumView> enums,
    List<ProtoFieldView> fields) {
  public MessageView {
    comment = List.copyOf(comment);
    enums = List.copyOf(enums);
    fields = List.copyOf(fields);
  }
}
