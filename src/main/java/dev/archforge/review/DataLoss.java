package dev.archforge.review;

import dev.archforge.deliverable.migrations.SqlScript;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of one folder's migrations, in the order Flyway runs them, that can lose data: a
 * DROP TABLE, COLUMN or SCHEMA, a TRUNCATE, a DELETE or UPDATE without WHERE, a type change that
 * narrows (or whose earlier type the folder does not show). A rename or a widened type loses
 * nothing. A statement directly below {@code -- archforge:disable-next=migration/destructive (why)}
 * is meant; the generator writes one, with the consent code, above what {@code --allow-destructive}
 * allowed.
 */
final class DataLoss {
  private static final String ID = "migration/destructive";
  private static final Pattern MARKER = Pattern.compile("--\\s*archforge:disable-next=[a-z0-9/,-]*migration/destructive\\b.*");
  private static final String NAME = "[\\w\"`]+";
  private static final Pattern TABLE = Pattern.compile("(?is)^(?:CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
      + "|ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?)([\\w.\"`]+)\\s*(.*)$");
  private static final Pattern DROP = Pattern.compile("(?is)^DROP\\s+(TABLE|SCHEMA|DATABASE)\\b");
  private static final Pattern DROP_COLUMN = Pattern.compile("(?is)\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?"
      + "(?!CONSTRAINT\\b|INDEX\\b|KEY\\b|DEFAULT\\b|NOT\\b|PRIMARY\\b|FOREIGN\\b|CHECK\\b|PARTITION\\b|IDENTITY\\b"
      + "|EXPRESSION\\b)(" + NAME + ")");
  private static final Pattern RETYPE = Pattern.compile("(?is)\\b(?:ALTER\\s+(?:COLUMN\\s+)?(" + NAME
      + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+|MODIFY\\s+(?:COLUMN\\s+)?(" + NAME + ")\\s+)(.+)");
  private static final Pattern ADD_COLUMN = Pattern.compile("(?is)\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
      + "(?!CONSTRAINT\\b|INDEX\\b|KEY\\b|UNIQUE\\b|PRIMARY\\b|FOREIGN\\b|CHECK\\b)(" + NAME + ")\\s+(.+)");
  private static final Pattern RENAME_COLUMN = Pattern.compile("(?is)\\bRENAME\\s+COLUMN\\s+(" + NAME + ")\\s+TO\\s+("
      + NAME + ")");
  private static final Pattern WITHOUT_WHERE = Pattern.compile("(?is)^(DELETE\\s+FROM|UPDATE)\\s+[\\w.\"`]+(?:(?!\\bWHERE\\b).)*$");

  private final Map<String, String> types = new HashMap<>();

  /** The findings of a folder's migrations, given in the order they run. */
  static List<ReviewFinding> in(List<Artifact> migrations, Rules rules) {
    DataLoss folder = new DataLoss();
    List<ReviewFinding> findings = new ArrayList<>();
    for (Artifact file : migrations) {
      boolean mysql = file.content().toUpperCase(Locale.ROOT).contains("ENGINE=INNODB");
      List<String> lines = file.content().lines().toList();
      for (SqlScript.Statement s : SqlScript.parse(file.content(), mysql).statements()) {
        String text = s.text().strip();
        String why = folder.loss(text);
        if (why != null && !marked(lines, s.line())) {
          String head = text.replaceAll("\\s+", " ");
          findings.add(new ReviewFinding(rules.get(ID), file.path(), s.line(),
              (head.length() > 80 ? head.substring(0, 80) + "..." : head) + ": " + why));
        }
      }
    }
    return findings;
  }

  /** Whether the comment lines right above the statement's first line hold the marker. */
  private static boolean marked(List<String> lines, int line) {
    for (int i = line - 2; i >= 0 && lines.get(i).strip().startsWith("--"); i--) {
      if (MARKER.matcher(lines.get(i).strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** What the statement loses, or null; records the column types it creates or changes. */
  private String loss(String text) {
    Matcher drop = DROP.matcher(text);
    if (drop.find()) {
      return "drops a " + drop.group(1).toLowerCase(Locale.ROOT) + " and its data";
    }
    if (text.matches("(?is)^TRUNCATE\\b.*")) {
      return "empties a table";
    }
    Matcher all = WITHOUT_WHERE.matcher(text);
    if (all.matches()) {
      return all.group(1).toUpperCase(Locale.ROOT).startsWith("DELETE") ? "deletes every row" : "overwrites every row";
    }
    Matcher table = TABLE.matcher(text);
    if (!table.matches()) {
      return null;
    }
    String name = key(table.group(1));
    String rest = table.group(2);
    if (text.regionMatches(true, 0, "CREATE", 0, 6)) {
      ColumnTypes.ofCreate(rest).forEach((column, type) -> types.put(name + "." + column, type));
      return null;
    }
    if (DROP_COLUMN.matcher(rest).find()) {
      return "drops a column and its data";
    }
    Matcher retype = RETYPE.matcher(rest);
    if (retype.find()) {
      String column = key(retype.group(1) != null ? retype.group(1) : retype.group(2));
      String after = ColumnTypes.typeOf(retype.group(3));
      String before = types.put(name + "." + column, after);
      return before != null && ColumnTypes.widens(before, after) ? null
          : "changes a column's type" + (before == null ? "" : " from " + before + " to " + after)
              + ", which may narrow or fail on existing rows";
    }
    Matcher add = ADD_COLUMN.matcher(rest);
    if (add.find()) {
      types.put(name + "." + key(add.group(1)), ColumnTypes.typeOf(add.group(2)));
    }
    Matcher rename = RENAME_COLUMN.matcher(rest);
    if (rename.find()) {
      String type = types.remove(name + "." + key(rename.group(1)));
      if (type != null) {
        types.put(name + "." + key(rename.group(2)), type);
      }
    }
    return null;
  }

  static String key(String name) {
    String plain = name.replaceAll("[\"`]", "");
    return plain.substring(plain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }
}
