package dev.archforge.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQL column types as a migration writes them, and whether one type holds every value of another. */
final class ColumnTypes {
  private static final Pattern TYPE = Pattern.compile("(?i)^\\s*((?:DOUBLE\\s+PRECISION|CHARACTER\\s+VARYING"
      + "|TIMESTAMP\\s+WITH(?:OUT)?\\s+TIME\\s+ZONE|[A-Z_][A-Z0-9_]*)(?:\\s*\\([^)]*\\))?)");
  private static final Pattern SIZED = Pattern.compile("([A-Z ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?");
  private static final List<String> INTEGERS = List.of("SMALLINT", "INTEGER", "BIGINT");
  private static final Pattern NOT_A_COLUMN = Pattern.compile(
      "(?i)^(?:CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK|KEY|INDEX|EXCLUDE|FULLTEXT|SPATIAL)\\b.*", Pattern.DOTALL);

  private ColumnTypes() {}

  /** The type at the start of a column definition, upper case, blanks folded: {@code VARCHAR(80)}. */
  static String typeOf(String definition) {
    Matcher m = TYPE.matcher(definition);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?\\( ?", "(")
        .replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")") : definition.strip().toUpperCase(Locale.ROOT);
  }

  /** Each column's type in the body of a CREATE TABLE ({@code (id BIGINT, ...)}). */
  static Map<String, String> ofCreate(String body) {
    Map<String, String> columns = new LinkedHashMap<>();
    int open = body.indexOf('(');
    if (open < 0) {
      return columns;
    }
    int depth = 0;
    int start = open + 1;
    for (int i = open; i < body.length(); i++) {
      char c = body.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if ((c == ',' && depth == 1) || depth == 0) {
        column(body.substring(start, i).strip(), columns);
        start = i + 1;
        if (depth == 0) {
          break;
        }
      }
    }
    return columns;
  }

  private static void column(String definition, Map<String, String> columns) {
    String[] parts = definition.split("\\s+", 2);
    if (parts.length == 2 && !NOT_A_COLUMN.matcher(definition).matches()) {
      columns.put(DataLoss.key(parts[0]), typeOf(parts[1]));
    }
  }

  /** Whether every value of {@code before} fits {@code after} unchanged. */
  static boolean widens(String before, String after) {
    if (before.equals(after)) {
      return true;
    }
    Matcher b = SIZED.matcher(alias(before));
    Matcher a = SIZED.matcher(alias(after));
    if (!b.matches() || !a.matches()) {
      return false;
    }
    String from = b.group(1);
    String to = a.group(1);
    if ((from.equals("VARCHAR") || from.equals("CHAR")) && (to.equals("TEXT") || to.equals("VARCHAR"))) {
      return a.group(2) == null || (b.group(2) != null && Integer.parseInt(a.group(2)) >= Integer.parseInt(b.group(2)));
    }
    if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
      return INTEGERS.indexOf(to) >= INTEGERS.indexOf(from);
    }
    if (from.equals("NUMERIC") && to.equals("NUMERIC") && b.group(2) != null) {
      int scaleBefore = b.group(3) == null ? 0 : Integer.parseInt(b.group(3));
      int scaleAfter = a.group(3) == null ? 0 : Integer.parseInt(a.group(3));
      return a.group(2) == null || (scaleAfter >= scaleBefore
          && Integer.parseInt(a.group(2)) - scaleAfter >= Integer.parseInt(b.group(2)) - scaleBefore);
    }
    return from.equals("REAL") && to.equals("DOUBLE PRECISION");
  }

  private static String alias(String type) {
    return type.replaceFirst("^CHARACTER VARYING", "VARCHAR").replaceFirst("^(?:INT|INT4)\\b(?!\\()", "INTEGER")
        .replaceFirst("^INT8\\b", "BIGINT").replaceFirst("^INT2\\b", "SMALLINT").replaceFirst("^DECIMAL", "NUMERIC")
        .replaceFirst("^FLOAT8\\b", "DOUBLE PRECISION").replaceFirst("^FLOAT4\\b", "REAL");
  }
}
