package dev.archforge.deliverable.grpc;

import dev.archforge.facts.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Enums as buf's STANDARD rules want them: every value prefixed with the enum's name in
 * UPPER_SNAKE_CASE (ENUM_VALUE_PREFIX), the first value {@code <PREFIX>_UNSPECIFIED = 0}
 * (ENUM_ZERO_VALUE_SUFFIX), then the values of the requirements from 1 in their order.
 * {@code in_progress} of {@code status} becomes {@code STATUS_IN_PROGRESS}; characters a name cannot
 * hold become {@code _}, and a name met twice gets a number.
 */
final class ProtoEnums {
  private ProtoEnums() {}

  static ProtoEnumView of(List<String> comment, String name, String prefix, List<String> values) {
    Set<String> seen = new HashSet<>();
    List<ProtoEnumView.Value> list = new ArrayList<>();
    String unspecified = prefix + "_UNSPECIFIED";
    seen.add(unspecified);
    list.add(new ProtoEnumView.Value(Comment.lines("Not set."), unspecified, 0));
    int number = 1;
    for (String value : values) {
      String base = prefix + "_" + suffix(value);
      String unique = base;
      for (int i = 2; !seen.add(unique); i++) {
        unique = base + "_" + i;
      }
      list.add(new ProtoEnumView.Value(Comment.lines("The value " + value + "."), unique, number++));
    }
    return new ProtoEnumView(comment, name, list);
  }

  private static String suffix(String value) {
    String snake = String.join("_", Naming.words(value)).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    return snake.isEmpty() ? "VALUE" : snake;
  }
}
