package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Enum values as GraphQL names: {@code in_progress} and {@code task-assigned} become
 * {@code IN_PROGRESS} and {@code TASK_ASSIGNED}. Characters a name cannot hold become {@code _},
 * a leading digit gets a {@code V_} prefix and a name met twice gets a number, so that any value
 * list of the requirements gives valid, distinct names. Each value's description quotes the value
 * as the requirements spell it.
 */
final class EnumValues {
  private EnumValues() {}

  static EnumView of(Doc doc, String name, List<String> values) {
    Set<String> seen = new HashSet<>();
    List<EnumView.EnumValueView> views = new ArrayList<>();
    for (String value : values) {
      String base = name(value);
      String unique = base;
      for (int i = 2; !seen.add(unique); i++) {
        unique = base + "_" + i;
      }
      views.add(new EnumView.EnumValueView(Doc.of("The value " + value + "."), unique));
    }
    return new EnumView(doc, name, views);
  }

  static String name(String value) {
    String snake = String.join("_", Naming.words(value)).toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (snake.isEmpty()) {
      return "VALUE";
    }
    return Character.isDigit(snake.charAt(0)) ? "V_" + snake : snake;
  }
}
