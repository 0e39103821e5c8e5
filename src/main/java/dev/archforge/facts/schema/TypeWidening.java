package dev.archforge.facts.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's new type holds every value of the old one, so that the change needs no
 * consent: a longer varchar, a larger integer, a decimal with more digits on both sides of the
 * point, a larger text or blob. Anything else narrows or converts.
 */
final class TypeWidening {
  private static final Pattern SIZED = Pattern.compile("(varchar|char|numeric|decimal)\\((\\d+)(?:,(\\d+))?\\)");
  private static final List<List<String>> LADDERS = List.of(
      List.of("smallint", "integer", "bigint"), List.of("tinyint", "smallint", "int", "bigint"),
      List.of("text", "mediumtext", "longtext"), List.of("blob", "mediumblob", "longblob"));
  private static final List<String> TEXTS = List.of("text", "mediumtext", "longtext");

  private TypeWidening() {}

  static boolean widens(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    Matcher a = SIZED.matcher(from);
    Matcher b = SIZED.matcher(to);
    boolean sizedFrom = a.matches();
    boolean sizedTo = b.matches();
    if (sizedFrom && sizedTo && a.group(1).equals(b.group(1))) {
      int p1 = Integer.parseInt(a.group(2));
      int p2 = Integer.parseInt(b.group(2));
      if (a.group(3) == null) {
        return p2 >= p1;
      }
      int s1 = Integer.parseInt(a.group(3));
      int s2 = Integer.parseInt(b.group(3));
      return s2 >= s1 && p2 - s2 >= p1 - s1;
    }
    if (sizedFrom && a.group(1).equals("varchar") && TEXTS.contains(to)) {
      return true;
    }
    for (List<String> ladder : LADDERS) {
      int i = ladder.indexOf(from);
      int j = ladder.indexOf(to);
      if (i >= 0 && j > i) {
        return true;
      }
    }
    return false;
  }
}
