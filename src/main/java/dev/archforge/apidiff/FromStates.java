package dev.archforge.apidiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The states a domain operation starts from, as OpenAPI's {@code x-from-states} extension lists
 * them and as every contract's documentation of the operation says them ("Only while its status is
 * a or b", the sentence of {@code facts/api/DomainOperation}): a state dropped from the list is
 * breaking, since a call that worked from it is now refused (409, FAILED_PRECONDITION, StateError).
 */
final class FromStates {
  static final String EXTENSION = "x-from-states";
  private static final Pattern SENTENCE = Pattern.compile("Only while its \\S+ is (\\S+(?: or \\S+)*)");

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
        narrowed(was, states(next), EXTENSION + "; a call from there now answers 409", op.getKey() + " " + path.getKey())
            .ifPresent(found::add);
      }
    }
    return found;
  }

  /**
   * The difference when the operation documented {@code before} no longer starts from a state it
   * started from, as its documentation in {@code after} says.
   */
  static Optional<Difference> narrowedDocumentation(String before, String after, String how, String where) {
    return narrowed(documented(before), documented(after), how, where);
  }

  private static Optional<Difference> narrowed(List<String> was, List<String> is, String how, String where) {
    List<String> dropped = is.isEmpty() ? List.of() : was.stream().filter(s -> !is.contains(s)).toList();
    return dropped.isEmpty() ? Optional.empty() : Optional.of(Difference.breaking("operation no longer starts from "
        + String.join(", ", dropped.stream().map(s -> "'" + s + "'").toList()) + " (" + how + ") (" + where + ")"));
  }

  /** The states a documentation's "Only while its ... is a or b" names; empty when it names none. */
  static List<String> documented(String documentation) {
    Matcher m = SENTENCE.matcher(documentation == null ? "" : documentation.replaceAll("\\s+", " "));
    if (!m.find()) {
      return List.of();
    }
    return Arrays.stream(m.group(1).split(" or ")).map(s -> s.replaceAll("[.;,]+$", "")).toList();
  }

  private static List<String> states(Operation op) {
    Object value = op.getExtensions() == null ? null : op.getExtensions().get(EXTENSION);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
