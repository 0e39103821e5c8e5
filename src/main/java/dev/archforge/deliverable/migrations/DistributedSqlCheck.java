package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.SqlScript.Statement;
import dev.archforge.facts.schema.PostgresDialect;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the migrations written for the {@code distributed-sql} decision (their header names
 * {@link PostgresDialect#DISTRIBUTED_TITLE}) for the PostgreSQL constructs that CockroachDB does not
 * run or that defeat it: sequences and identity columns as keys, extensions, exclusion
 * constraints, advisory locks, LISTEN/NOTIFY, temporary and unlogged tables. The files are valid
 * PostgreSQL (the SQL check and {@code validate --db} see to that); this check is what keeps them
 * within the part CockroachDB also runs. String literals are not searched.
 */
final class DistributedSqlCheck implements Validator {
  private record Construct(Pattern pattern, String why) {}

  private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final List<Construct> UNSUPPORTED = List.of(
      new Construct(Pattern.compile("(?i)\\bGENERATED\\s+(?:ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY\\b"),
          "an identity column numbers rows from one sequence, a single range every region writes to; use a UUID"
              + " key, or a bigint the service assigns"),
      new Construct(Pattern.compile("(?i)\\b(?:SMALL|BIG)?SERIAL[248]?\\b"),
          "serial types number rows from a sequence; use a UUID key, or a bigint the service assigns"),
      new Construct(Pattern.compile("(?i)\\bCREATE\\s+SEQUENCE\\b|\\bnextval\\s*\\("),
          "a sequence is one range that every insert in every region writes to; keys are UUIDs"),
      new Construct(Pattern.compile("(?i)\\bCREATE\\s+EXTENSION\\b"), "CockroachDB has no extensions"),
      new Construct(Pattern.compile("(?i)\\bEXCLUDE\\s+(?:USING\\b|\\()"), "CockroachDB has no exclusion constraints"),
      new Construct(Pattern.compile("(?i)\\bpg_(?:try_)?advisory_(?:xact_)?lock"), "CockroachDB has no advisory locks"),
      new Construct(Pattern.compile("(?i)^\\s*(?:LISTEN|NOTIFY)\\b"), "CockroachDB has no LISTEN/NOTIFY"),
      new Construct(Pattern.compile("(?i)\\bCREATE\\s+(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\\s+TABLE\\b"),
          "temporary and unlogged tables are not part of a replicated schema"));

  @Override
  public String name() {
    return "distributed-sql (constructs CockroachDB does not support)";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(MigrationsDeliverable.KIND) && forDistributedSql(artifact.content());
  }

  /** Whether a migration's header says it is written for distributed SQL. */
  static boolean forDistributedSql(String sql) {
    String head = sql.length() > 2000 ? sql.substring(0, 2000) : sql;
    return head.contains(PostgresDialect.DISTRIBUTED_TITLE);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    List<Finding> findings = new ArrayList<>();
    for (Statement s : SqlScript.parse(artifact.content(), false).statements()) {
      String text = LITERAL.matcher(s.text()).replaceAll("''");
      for (Construct c : UNSUPPORTED) {
        Matcher m = c.pattern().matcher(text);
        if (m.find()) {
          int line = s.line() + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
          findings.add(new Finding(artifact.path(), line, "`" + m.group().strip() + "` is not for distributed SQL: "
              + c.why(), name()));
        }
      }
    }
    return findings;
  }
}
