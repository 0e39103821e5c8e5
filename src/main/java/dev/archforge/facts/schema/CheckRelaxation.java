package dev.archforge.facts.schema;

import dev.archforge.facts.schema.Table.Check;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether every row that passed the old checks of a column passes a new one: each condition of
 * the new check is one the old ones held, a wider IN list, or a looser bound (a length bound
 * also by a varchar's length). Then the new check cannot fail on the data already there.
 */
final class CheckRelaxation {
  private static final Pattern BOUND = Pattern.compile("(.+) (<=|>=) (-?[0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern IN = Pattern.compile("(\\w+) IN \\((.*)\\)");
  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

  private CheckRelaxation() {}

  /**
   * @param old the old column's checks, their column names already those of the new column
   * @param oldType the old column's type
   */
  static boolean implied(Check check, List<Check> old, String oldType) {
    List<String> oldParts = old.stream().flatMap(k -> parts(k.expression()).stream()).toList();
    return parts(check.expression()).stream().allMatch(p -> implied(p, oldParts, check.column(), oldType));
  }

  private static boolean implied(String part, List<String> oldParts, String column, String oldType) {
    if (oldParts.contains(part)) {
      return true;
    }
    Matcher in = IN.matcher(part);
    if (in.matches()) {
      Set<String> wider = values(in.group(2));
      return oldParts.stream().map(IN::matcher).anyMatch(o -> o.matches() && o.group(1).equals(in.group(1))
          && wider.containsAll(values(o.group(2))));
    }
    Matcher bound = BOUND.matcher(part);
    if (!bound.matches()) {
      return false;
    }
    BigDecimal limit = new BigDecimal(bound.group(3));
    boolean upper = bound.group(2).equals("<=");
    Matcher varchar = VARCHAR.matcher(oldType);
    if (upper && bound.group(1).equals("char_length(" + column + ")") && varchar.matches()
        && new BigDecimal(varchar.group(1)).compareTo(limit) <= 0) {
      return true;
    }
    return oldParts.stream().map(BOUND::matcher).anyMatch(o -> o.matches() && o.group(1).equals(bound.group(1))
        && o.group(2).equals(bound.group(2)) && (upper ? new BigDecimal(o.group(3)).compareTo(limit) <= 0
            : new BigDecimal(o.group(3)).compareTo(limit) >= 0));
  }

  private static List<String> parts(String expression) {
    return Arrays.asList(expression.split(" AND "));
  }

  private static Set<String> values(String list) {
    return Arrays.stream(list.split(", ")).collect(Collectors.toSet());
  }
}
