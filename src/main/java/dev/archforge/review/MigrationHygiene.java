package dev.archforge.review;

import dev.archforge.deliverable.migrations.SqlScript;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL migrations as generate writes them: Flyway's file names, one file per version, every table
 * with a primary key, and no statement that destroys data or breaks the running version (a drop,
 * a truncate, a type change, a rename) unless the file says it means it. A file counts as a
 * migration when it lies under a folder whose name contains "migration" or is named like one.
 */
final class MigrationHygiene implements Check {
  private static final Pattern FOLDER = Pattern.compile("(?i)(?:^|/)[^/]*migration[^/]*/");
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");
  private static final Pattern OTHER = Pattern.compile("(?:R|U\\d+(?:[._]\\d+)*)__[^/]+\\.sql");
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?is)^CREATE\\s+(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMPORARY|TEMP)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"`]+)(.*)");
  private static final Pattern ADD_PRIMARY_KEY = Pattern.compile(
      "(?is)^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?([\\w.\"`]+)\\s.*\\bADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?PRIMARY\\s+KEY");
  private static final List<Map.Entry<Pattern, String>> DESTRUCTIVE = List.of(
      Map.entry(Pattern.compile("(?is)^DROP\\s+(TABLE|SCHEMA|DATABASE|VIEW|TYPE)\\b"), "drops a %s and its data"),
      Map.entry(Pattern.compile("(?is)^TRUNCATE\\b"), "empties a table"),
      Map.entry(Pattern.compile("(?is)^DELETE\\s+FROM\\s+[\\w.\"`]+\\s*$"), "deletes every row"),
      Map.entry(Pattern.compile("(?is)^ALTER\\s+TABLE\\b.*\\bDROP\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b|INDEX\\b|KEY\\b|DEFAULT\\b"
          + "|NOT\\b|PRIMARY\\b|FOREIGN\\b|CHECK\\b|PARTITION\\b|IDENTITY\\b|EXPRESSION\\b)[\\w\"`]+"), "drops a column and its data"),
      Map.entry(Pattern.compile("(?is)^ALTER\\s+TABLE\\b.*\\b(?:ALTER\\s+(?:COLUMN\\s+)?[\\w\"`]+\\s+(?:SET\\s+DATA\\s+)?TYPE"
          + "|MODIFY\\s+(?:COLUMN\\s+)?[\\w\"`]+)\\b"), "changes a column's type, which may fail on or truncate existing rows"),
      Map.entry(Pattern.compile("(?is)^ALTER\\s+TABLE\\b.*\\bRENAME\\b"), "renames what the running version still reads"));

  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    Map<String, Map<String, String>> versions = new HashMap<>();
    for (Artifact file : files) {
      if (!file.kind().equals(Classifier.SQL)) {
        continue;
      }
      String name = file.path().substring(file.path().lastIndexOf('/') + 1);
      String folder = file.path().substring(0, Math.max(0, file.path().lastIndexOf('/')));
      Matcher versioned = VERSIONED.matcher(name);
      boolean migration = versioned.matches() || OTHER.matcher(name).matches() || FOLDER.matcher(file.path()).find();
      if (!migration) {
        findings.addAll(primaryKeys(file, rules));
        continue;
      }
      if (versioned.matches()) {
        String version = normalised(versioned.group(1));
        String earlier = versions.computeIfAbsent(folder, f -> new LinkedHashMap<>()).putIfAbsent(version, file.path());
        if (earlier != null) {
          findings.add(new ReviewFinding(rules.get("migration/duplicate-version"), file.path(), 1,
              "version " + versioned.group(1) + " is also " + earlier));
        }
      } else if (!OTHER.matcher(name).matches()) {
        findings.add(new ReviewFinding(rules.get("migration/flyway-name"), file.path(), 1, name
            + " is not a Flyway migration name (V<version>__<description>.sql); Flyway skips it"));
      }
      findings.addAll(primaryKeys(file, rules));
      findings.addAll(destructive(file, rules));
    }
    return findings;
  }

  /** 1.01 and 1_1 are the same version to Flyway. */
  private static String normalised(String version) {
    List<String> parts = new ArrayList<>();
    for (String part : version.split("[._]")) {
      parts.add(new java.math.BigInteger(part).toString());
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
      parts.remove(parts.size() - 1);
    }
    return String.join(".", parts);
  }

  private static List<SqlScript.Statement> statements(Artifact file) {
    boolean mysql = file.content().toUpperCase(Locale.ROOT).contains("ENGINE=INNODB");
    return SqlScript.parse(file.content(), mysql).statements();
  }

  private static List<ReviewFinding> primaryKeys(Artifact file, Rules rules) {
    Map<String, Integer> withoutKey = new LinkedHashMap<>();
    for (SqlScript.Statement s : statements(file)) {
      String text = s.text().strip();
      Matcher create = CREATE_TABLE.matcher(text);
      Matcher add = ADD_PRIMARY_KEY.matcher(text);
      if (create.matches() && !create.group(2).toUpperCase(Locale.ROOT).matches("(?s).*\\bPRIMARY\\s+KEY\\b.*")
          && !create.group(2).strip().toUpperCase(Locale.ROOT).startsWith("AS ")) {
        withoutKey.put(key(create.group(1)), s.line());
      } else if (add.find()) {
        withoutKey.remove(key(add.group(1)));
      }
    }
    List<ReviewFinding> findings = new ArrayList<>();
    withoutKey.forEach((table, line) -> findings.add(new ReviewFinding(rules.get("migration/missing-primary-key"),
        file.path(), line, "table " + table + " has no primary key")));
    return findings;
  }

  private static List<ReviewFinding> destructive(Artifact file, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    for (SqlScript.Statement s : statements(file)) {
      String text = s.text().strip();
      for (Map.Entry<Pattern, String> rule : DESTRUCTIVE) {
        Matcher m = rule.getKey().matcher(text);
        if (m.find()) {
          String what = m.groupCount() > 0 && m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : "";
          String head = text.replaceAll("\\s+", " ");
          findings.add(new ReviewFinding(rules.get("migration/destructive"), file.path(), s.line(),
              (head.length() > 80 ? head.substring(0, 80) + "..." : head) + ": " + String.format(rule.getValue(), what)));
          break;
        }
      }
    }
    return findings;
  }

  private static String key(String table) {
    String name = table.replaceAll("[\"`]", "");
    return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }
}
