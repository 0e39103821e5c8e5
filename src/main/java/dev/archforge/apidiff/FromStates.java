package dev.archforge.apidiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The states a domain operation starts from, as its {@code x-from-states} extension lists them:
 * a state dropped from the list is breaking, since a call that worked from it now answers 409.
 */
final class FromStates {
  static final String EXTENSION = "x-from-states";

  private FromStates() {}

  static List<Difference> narrowed(OpenAPI before, OpenAPI after) {
    List<Difference> found = new ArrayList<>();
    if (before.getPaths() == null || after.getPaths() == null) {
      return found;
    }
    for (Map.Entry<String, PathItem> path : before.getPaths().entrySet()) {
      PathItem now = after.getPaths().get(path.getKey());
      if (now == null) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
        Operation next = now.readOperationsMap().get(op.getKey());
        List<String> was = states(op.getValue());
        if (next == null || was.isEmpty()) {
          continue;
        }
        List<String> is = states(next);
        List<String> dropped = is.isEmpty() ? List.of() : was.stream().filter(s -> !is.contains(s)).toList();
        if (!dropped.isEmpty()) {
          found.add(Difference.breaking("operation no longer starts from " + String.join(", ", dropped.stream()
              .map(s -> "'" + s + "'").toList()) + " (" + EXTENSION + "; a call from there now answers 409) ("
              + op.getKey() + " " + path.getKey() + ")"));
        }
      }
    }
    return found;
  }

  private static List<String> states(Operation op) {
    Object value = op.getExtensions() == null ? null : op.getExtensions().get(EXTENSION);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
