package dev.archforge.deliverable.grpc;

import java.util.List;

/**
 * A field of a message.
 *
 * @param label {@code optional}, {@code repeated} or null
 * @param type a scalar, a message or an enum, as written in the file
 * @param name lower_snake_case
 */
public record ProtoFieldView(List<String> comment, String label, String type, String name, int number) {
  public ProtoFieldView {
    comment = List.copyOf(comment);
  }
}
