package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.SqlScript.Statement;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.JSqlParserPasses;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;

/**
 * Checks SQL migrations ({@code .sql} files) without a database: every statement must parse
 * (JSqlParser; for the PostgreSQL statements it does not know — row-level security, policies,
 * partial indexes — the parts around the expressions are matched here and the expressions parsed),
 * and the schema the file builds must hang together (see {@link SqlSchemaCheck}). Findings carry
 * the line of the statement, or of the token the parser stopped at.
 */
public final class SqlValidator implements Validator {
  private static final Pattern ROW_SECURITY = Pattern.compile(
      "(?is)ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(\\w+)\\s+(?:ENABLE|DISABLE|FORCE|NO\\s+FORCE)\\s+ROW\\s+LEVEL\\s+SECURITY");
  private static final Pattern POLICY = Pattern.compile(
      "(?is)CREATE\\s+POLICY\\s+(\\w+)\\s+ON\\s+(\\w+)(?:\\s+AS\\s+(?:PERMISSIVE|RESTRICTIVE))?"
          + "(?:\\s+FOR\\s+(?:ALL|SELECT|INSERT|UPDATE|DELETE))?(?:\\s+TO\\s+\\w+(?:\\s*,\\s*\\w+)*)?(.*)");
  /** MySQL's way to drop a foreign key, which JSqlParser does not know. */
  private static final Pattern DROP_FOREIGN_KEY = Pattern.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+DROP\\s+FOREIGN\\s+KEY\\s+\\w+");
  /** A V2+ migration: it changes tables that earlier migrations created. */
  private static final Pattern LATER = Pattern.compile("(?:.*/)?V(?:[2-9]|[1-9][0-9]+)(?:[._][0-9]+)*__[^/]*\\.sql");
  private static final Pattern INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\b.*");
  private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(MigrationsDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    boolean mysql = isMySql(artifact.content());
    SqlScript script = SqlScript.parse(artifact.content(), mysql);
    List<Finding> findings = new ArrayList<>();
    script.unterminated().ifPresent(u -> findings.add(finding(artifact, u.line(), "unterminated " + u.what()
        + " starting here: the rest of the file is not SQL")));
    if (script.statements().isEmpty() && findings.isEmpty()) {
      findings.add(finding(artifact, 1, "no SQL statement in the file"));
    }
    SqlSchemaCheck schema = new SqlSchemaCheck(LATER.matcher(artifact.path()).matches());
    Map<String, net.sf.jsqlparser.statement.Statement> ahead = JSqlParserPasses.parse(script.statements().stream()
        .map(Statement::text).filter(SqlValidator::plain).toList());
    for (Statement s : script.statements()) {
      Optional<String> problem = parse(s, schema, ahead);
      problem.ifPresent(p -> findings.add(finding(artifact, line(s, p), message(p))));
    }
    if (findings.isEmpty()) {
      schema.problems().forEach(p -> findings.add(finding(artifact, p.line(), p.message())));
    }
    return findings;
  }

  /** A file written for MySQL or MariaDB: backslashes escape inside its literals. */
  static boolean isMySql(String sql) {
    String head = sql.length() > 2000 ? sql.substring(0, 2000) : sql;
    return head.contains("for MySQL") || sql.toUpperCase(Locale.ROOT).contains("ENGINE=INNODB");
  }

  /** Whether JSqlParser reads the statement as a whole: none of the forms {@link #parse} takes apart. */
  private static boolean plain(String sql) {
    return !ROW_SECURITY.matcher(sql).matches() && !DROP_FOREIGN_KEY.matcher(sql).matches()
        && !POLICY.matcher(sql).matches() && !(INDEX.matcher(sql).matches() && topLevelWhere(sql) >= 0);
  }

  /**
   * Parses one statement (unless {@code ahead} has it) and records what it builds; the parser's
   * message when it does not parse.
   */
  private Optional<String> parse(Statement s, SqlSchemaCheck schema,
      Map<String, net.sf.jsqlparser.statement.Statement> ahead) {
    String sql = s.text();
    try {
      Matcher rls = ROW_SECURITY.matcher(sql);
      if (rls.matches()) {
        schema.onTable(rls.group(1), s.line());
        return Optional.empty();
      }
      Matcher dropKey = DROP_FOREIGN_KEY.matcher(sql);
      if (dropKey.matches()) {
        schema.onTable(dropKey.group(1), s.line());
        return Optional.empty();
      }
      Matcher policy = POLICY.matcher(sql);
      if (policy.matches()) {
        schema.policy(policy.group(1), policy.group(2), s.line());
        return policyClauses(policy.group(3));
      }
      if (INDEX.matcher(sql).matches()) {
        int where = topLevelWhere(sql);
        if (where >= 0) {
          CCJSqlParserUtil.parseCondExpression(sql.substring(where + 5).strip());
          schema.statement(JSqlParsing.parse(sql.substring(0, where).strip()), true, s.line());
          return Optional.empty();
        }
      }
      schema.statement(ahead.containsKey(sql) ? ahead.get(sql) : JSqlParsing.parse(sql), false, s.line());
      return Optional.empty();
    } catch (JSQLParserException e) {
      return Optional.of(parserMessage(e));
    }
  }

  /** {@code USING (expr)} and {@code WITH CHECK (expr)}, in that order, each optional, nothing else. */
  private static Optional<String> policyClauses(String rest) throws JSQLParserException {
    String text = rest.strip();
    for (String clause : List.of("USING", "WITH CHECK")) {
      Matcher m = Pattern.compile("(?is)" + clause.replace(" ", "\\s+") + "\\s*\\(").matcher(text);
      if (m.lookingAt()) {
        int close = closingParen(text, m.end() - 1);
        if (close < 0) {
          return Optional.of("unbalanced parentheses in the policy's " + clause + " clause");
        }
        CCJSqlParserUtil.parseCondExpression(text.substring(m.end(), close));
        text = text.substring(close + 1).strip();
      }
    }
    return text.isEmpty() ? Optional.empty() : Optional.of("unexpected text in CREATE POLICY: " + abbreviate(text));
  }

  /** The index of the {@code WHERE} of a partial index, outside parentheses and literals; -1 if none. */
  static int topLevelWhere(String sql) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && sql.regionMatches(true, i, "WHERE", 0, 5) && i > 0
          && Character.isWhitespace(sql.charAt(i - 1)) && (i + 5 == sql.length()
          || !Character.isLetterOrDigit(sql.charAt(i + 5)))) {
        return i;
      }
    }
    return -1;
  }

  private static int closingParen(String text, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  static String parserMessage(JSQLParserException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof ParseException)) {
      cause = cause.getCause();
    }
    String text = cause.getMessage() == null ? e.toString() : cause.getMessage();
    return text.strip();
  }

  /** The line of the statement plus the line within it that the parser names. */
  private static int line(Statement s, String problem) {
    Matcher m = POSITION.matcher(problem);
    return m.find() ? s.line() + Integer.parseInt(m.group(1)) - 1 : s.line();
  }

  /** The parser's first line, without the list of every token it would have accepted. */
  private static String message(String problem) {
    String first = problem.lines().findFirst().orElse(problem);
    return "not valid SQL: " + first.replaceAll("\\s+", " ").strip();
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }

  private Finding finding(Artifact artifact, int line, String message) {
    return new Finding(artifact.path(), line, message, name());
  }
}
