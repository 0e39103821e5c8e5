package dev.archforge.deliverable.grpc;

import java.util.List;

/**
 * An enum, its first value {@code <PREFIX>_UNSPECIFIED = 0}, and the numbers and names of values
 * that earlier versions of the contract had ({@code reserved}: never used again).
 */
public record ProtoEnumView(List<String> comment, String name, List<ProtoEnumView.Value> values,
    List<Integer> reservedNumbers, List<String> reservedNames) {
  public ProtoEnumView {
    comment = List.copyOf(comment);
    values = List.copyOf(values);
    reservedNumbers = List.copyOf(reservedNumbers);
    reservedNames = List.copyOf(reservedNames);
  }

  /** An enum with nothing reserved. */
  public ProtoEnumView(List<String> comment, String name, List<ProtoEnumView.Value> values) {
    this(comment, name, values, List.of(), List.of());
  }

  /** One value of an enum. */
  public record Value(List<String> comment, String name, int number) {
    public Value {
      comment = List.copyOf(comment);
    }
  }
}
