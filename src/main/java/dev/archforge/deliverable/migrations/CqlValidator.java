package dev.archforge.deliverable.migrations;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.cassandra.cql3.CQLFragmentParser;
import org.apache.cassandra.cql3.CQLStatement;
import org.apache.cassandra.cql3.CqlParser;
import org.apache.cassandra.cql3.statements.schema.CreateKeyspaceStatement;
import org.apache.cassandra.cql3.statements.schema.CreateTableStatement;

/**
 * Checks a Cassandra schema ({@code .cql}) without a cluster: every statement must parse with
 * Cassandra's own CQL grammar (cassandra-all's parser: syntax, types, reserved words), every table
 * must live in the keyspace the file creates, every column of its primary key must be declared, and
 * {@code CLUSTERING ORDER BY} must name exactly its clustering columns in their order, as Cassandra
 * requires. A later change ({@code migrations/V<n>__<what>.cql}) creates no keyspace: its statements
 * name the one schema.cql creates.
 */
public final class CqlValidator implements Validator {
  private static final Pattern COLUMN = Pattern.compile("(?m)^\\s*(\"?\\w+\"?)\\s+\\w+\\s*,\\s*$");
  private static final Pattern PRIMARY_KEY = Pattern.compile("(?is)PRIMARY\\s+KEY\\s*\\(\\s*\\(([^)]*)\\)\\s*(?:,([^)]*))?\\)");
  private static final Pattern ORDER = Pattern.compile("(?is)CLUSTERING\\s+ORDER\\s+BY\\s*\\(([^)]*)\\)");

  @Override
  public String name() {
    return "cql";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(MigrationsDeliverable.CQL);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    List<Finding> findings = new ArrayList<>();
    String keyspace = null;
    int tables = 0;
    int statements = 0;
    boolean change = artifact.path().contains("/migrations/");
    String[] lines = artifact.content().split("\n", -1);
    StringBuilder statement = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceFirst("--.*$", "");
      if (statement.toString().isBlank() && !line.isBlank()) {
        start = i + 1;
      }
      statement.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String text = statement.toString().strip();
        statement.setLength(0);
        statements++;
        CQLStatement.Raw parsed;
        try {
          parsed = CQLFragmentParser.parseAnyUnhandled(CqlParser::query, text.substring(0, text.length() - 1));
        } catch (Exception e) {
          findings.add(finding(artifact, start, "Cassandra's CQL parser rejects the statement: " + e.getMessage()));
          continue;
        }
        if (parsed instanceof CreateKeyspaceStatement.Raw) {
          keyspace = text.replaceFirst("(?is)CREATE\\s+KEYSPACE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+).*", "$1");
        } else if (parsed instanceof CreateTableStatement.Raw table) {
          tables++;
          if (!(change && keyspace == null) && !table.keyspace().equals(keyspace)) {
            findings.add(finding(artifact, start, "table " + table.table() + " is in keyspace " + table.keyspace()
                + ", not in " + keyspace + ", the keyspace this file creates before it"));
          }
          for (String problem : keys(text, table.table())) {
            findings.add(finding(artifact, start, problem));
          }
        }
      }
    }
    if (!statement.toString().isBlank()) {
      findings.add(finding(artifact, start, "the statement starting here does not end with ';'"));
    }
    if (findings.isEmpty() && change && statements == 0) {
      findings.add(finding(artifact, 1, "a migration holds at least one statement"));
    } else if (findings.isEmpty() && !change && (keyspace == null || tables == 0)) {
      findings.add(finding(artifact, 1, "a schema file creates its keyspace and at least one table"));
    }
    return findings;
  }

  private static List<String> keys(String text, String table) {
    List<String> problems = new ArrayList<>();
    Set<String> declared = new LinkedHashSet<>();
    Matcher column = COLUMN.matcher(text);
    while (column.find()) {
      declared.add(column.group(1));
    }
    Matcher key = PRIMARY_KEY.matcher(text);
    if (!key.find()) {
      problems.add("table " + table + " states no PRIMARY KEY ((partition key), clustering columns)");
      return problems;
    }
    List<String> partition = names(key.group(1));
    List<String> clustering = key.group(2) == null ? List.of() : names(key.group(2));
    for (String c : concat(partition, clustering)) {
      if (!declared.contains(c)) {
        problems.add("table " + table + ": key column " + c + " is not declared");
      }
    }
    Matcher order = ORDER.matcher(text);
    List<String> ordered = new ArrayList<>();
    if (order.find()) {
      names(order.group(1)).forEach(o -> ordered.add(o.split("\\s+")[0]));
    }
    if (!ordered.isEmpty() && !ordered.equals(clustering)) {
      problems.add("table " + table + ": CLUSTERING ORDER BY names " + ordered + " but the clustering columns are "
          + clustering);
    }
    if (!clustering.isEmpty() && ordered.isEmpty()) {
      problems.add("table " + table + " has clustering columns " + clustering + " but states no CLUSTERING ORDER BY");
    }
    return problems;
  }

  private static List<String> names(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Finding finding(Artifact artifact, int line, String message) {
    return new Finding(artifact.path(), line, message, "cql");
  }
}
