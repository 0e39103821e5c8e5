package dev.archforge.deliverable.grpc;

import java.util.List;

/** An enum, its first value {@code <PREFIX>_UNSPECIFIED = 0}. */
public record ProtoEnumView(List<String> comment, String name, List<ProtoEnumView.Value> values) {
  public ProtoEnumView {
    comment = List.copyOf(comment);
    values = List.copyOf(values);
  }

  /** One value of an enum. */
  public record Value(List<String> comment, String name, int number) {
    public Value {
      comment = List.copyOf(comment);
    }
  }
}
