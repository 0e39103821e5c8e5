package dev.archforge.review;

import dev.archforge.deliverable.migrations.SqlScript;
import dev.archforge.model.Artifact;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL migrations as generate writes them: Flyway's file names, one file per version, every table
 * with a primary key, and no statement that loses data unless it is marked as meant ({@link DataLoss}). A file counts as a
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
  @Override
  public List<ReviewFinding> check(List<Artifact> files, Rules rules) {
    List<ReviewFinding> findings = new ArrayList<>();
    Map<String, Map<String, String>> versions = new HashMap<>();
    Map<String, List<Artifact>> folders = new TreeMap<>();
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
      folders.computeIfAbsent(folder, f -> new ArrayList<>()).add(file);
    }
    folders.values().forEach(folder -> findings.addAll(DataLoss.in(inOrder(folder), rules)));
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

  /** Versioned migrations by version, then the others by name: the order Flyway runs them in. */
  private static List<Artifact> inOrder(List<Artifact> folder) {
    return folder.stream().sorted(Comparator.comparing((Artifact f) -> version(f) == null)
        .thenComparing(MigrationHygiene::version, Comparator.nullsLast(MigrationHygiene::compareVersions))
        .thenComparing(Artifact::path)).toList();
  }

  private static String version(Artifact file) {
    Matcher m = VERSIONED.matcher(file.path().substring(file.path().lastIndexOf('/') + 1));
    return m.matches() ? normalised(m.group(1)) : null;
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = new BigInteger(i < x.length ? x[i] : "0").compareTo(new BigInteger(i < y.length ? y[i] : "0"));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String key(String table) {
    String name = table.replaceAll("[\"`]", "");
    return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }
}
