package dev.archforge.deliverable.grpc;

import java.util.List;

/**
 * A message with its nested enums and its fields, and the numbers and names of fields that earlier
 * versions of the contract had ({@code reserved}: never used again).
 */
public record MessageView(List<String> comment, String name, List<ProtoEnumView> enums,
    List<ProtoFieldView> fields, List<Integer> reservedNumbers, List<String> reservedNames) {
  public MessageView {
    comment = List.copyOf(comment);
    enums = List.copyOf(enums);
    fields = List.copyOf(fields);
    reservedNumbers = List.copyOf(reservedNumbers);
    reservedNames = List.copyOf(reservedNames);
  }

  /** A message with nothing reserved. */
  public MessageView(List<String> comment, String name, List<ProtoEnumView> enums, List<ProtoFieldView> fields) {
    this(comment, name, enums, fields, List.of(), List.of());
  }
}
