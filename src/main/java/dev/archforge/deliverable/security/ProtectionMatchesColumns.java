package dev.archforge.deliverable.security;

import dev.archforge.facts.Layout;
import dev.archforge.facts.schema.FieldProtection;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.MigratedColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: what SECURITY.md's data classification says about a field at rest
 * is what the migrations do with its column. Field-level encryption needs a binary column that no
 * unique key or index leads (ciphertext is random), and the blind index it names; an argon2id hash
 * needs a text column that is not unique (hashes are salted). A field of a service without SQL
 * migrations is left out.
 */
final class ProtectionMatchesColumns implements CrossValidator {
  static final String NAME = "protection-matches-columns";
  private static final Pattern BINARY = Pattern.compile("bytea|(var)?binary.*|(tiny|medium|long)?blob");
  private static final Pattern TEXT = Pattern.compile("(character varying|varchar|char|text).*");
  private static final String HEADER = "| Entity | Field | Type | Owner | Stored in | Class | At rest |";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Artifact> security = all.stream().filter(a -> a.path().equals(Layout.SECURITY)).findFirst();
    if (security.isEmpty()) {
      return List.of();
    }
    Map<String, MigratedColumns> byService = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    String[] lines = security.get().content().split("\n", -1);
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(HEADER)) {
        inTable = true;
        continue;
      }
      if (!inTable || lines[i].startsWith("|---")) {
        continue;
      }
      if (!lines[i].startsWith("|")) {
        inTable = false;
        continue;
      }
      String[] cells = lines[i].split("\\|", -1);
      String service = cells[4].strip();
      MigratedColumns columns = byService.computeIfAbsent(service, s -> MigratedColumns.of(all, s));
      String table = SqlNames.table(unescape(cells[1]));
      if (!columns.exists(table)) {
        continue;
      }
      String column = SqlNames.column(unescape(cells[2]));
      check(columns, "db/" + service + "/migrations", table, column, cells[7].strip()).ifPresent(problem -> findings.add(new Finding(Layout.SECURITY,
          0, problem + " (" + Layout.SECURITY + " says '" + cells[7].strip() + "')", NAME)));
    }
    return findings;
  }

  private static Optional<String> check(MigratedColumns columns, String folder, String table, String column,
      String claim) {
    String where = folder + ": " + table + "." + column;
    String type = columns.type(table, column).orElse(null);
    if (type == null) {
      return Optional.of(where + " does not exist");
    }
    if (claim.startsWith("field-level encryption")) {
      if (!BINARY.matcher(type).matches()) {
        return Optional.of(where + " is " + type + ", not ciphertext (a binary column)");
      }
      if (columns.keyed(table, column)) {
        return Optional.of(where + " leads a unique key or index, which ciphertext cannot carry");
      }
      String blind = FieldProtection.blindIndexOf(column);
      if (claim.contains("blind index") && (columns.type(table, blind).isEmpty() || !columns.keyed(table, blind))) {
        return Optional.of(where + " has no indexed blind index column " + blind);
      }
    } else if (claim.startsWith("a salted argon2id hash")) {
      if (!TEXT.matcher(type).matches()) {
        return Optional.of(where + " is " + type + ", not a text column for a PHC hash string");
      }
      if (columns.keyed(table, column)) {
        return Optional.of(where + " leads a unique key or index, which a salted hash cannot carry");
      }
    }
    return Optional.empty();
  }

  /** A table cell's text without Markdown escapes. */
  private static String unescape(String cell) {
    return cell.strip().replace("\\", "");
  }
}
