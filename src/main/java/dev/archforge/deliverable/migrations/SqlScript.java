package dev.archforge.deliverable.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into statements at the semicolons that end them, each with the line it starts
 * on. Knows string literals ({@code '...'} with {@code ''}, and backslash escapes for MySQL),
 * quoted identifiers ({@code "..."}, {@code `...`}), PostgreSQL dollar quotes ({@code $tag$...$tag$})
 * and both kinds of comments, which never end a statement and are dropped from its text.
 */
public final class SqlScript {
  /** One statement: its text without comments or the final semicolon, and the 1-based line it starts on. */
  public record Statement(String text, int line) {}

  /** A script that ends inside a literal or comment: where that began. */
  record Unterminated(String what, int line) {}

  private final List<Statement> statements = new ArrayList<>();
  private Unterminated unterminated;

  private SqlScript() {}

  /** @param backslashEscapes whether {@code \} escapes the next character inside literals (MySQL) */
  public static SqlScript parse(String sql, boolean backslashEscapes) {
    SqlScript script = new SqlScript();
    script.split(sql, backslashEscapes);
    return script;
  }

  public List<Statement> statements() {
    return statements;
  }

  java.util.Optional<Unterminated> unterminated() {
    return java.util.Optional.ofNullable(unterminated);
  }

  private void split(String sql, boolean backslashEscapes) {
    StringBuilder current = new StringBuilder();
    int line = 1;
    int start = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (start == 0 && !Character.isWhitespace(c) && !startsComment(sql, i)) {
        start = line;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          unterminated = new Unterminated("comment", line);
          return;
        }
        line += count(sql, i, end + 2);
        current.append(' ');
        i = end + 2;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(sql, i, c, backslashEscapes && c == '\'');
        if (end < 0) {
          unterminated = new Unterminated(c == '\'' ? "string literal" : "quoted identifier", line);
          return;
        }
        current.append(sql, i, end + 1);
        line += count(sql, i, end + 1);
        i = end + 1;
        continue;
      }
      if (c == '$') {
        String tag = dollarTag(sql, i);
        if (tag != null) {
          int end = sql.indexOf(tag, i + tag.length());
          if (end < 0) {
            unterminated = new Unterminated("dollar-quoted text", line);
            return;
          }
          current.append(sql, i, end + tag.length());
          line += count(sql, i, end + tag.length());
          i = end + tag.length();
          continue;
        }
      }
      if (c == ';') {
        add(current, start);
        current.setLength(0);
        start = 0;
        i++;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      current.append(c);
      i++;
    }
    add(current, start);
  }

  private void add(StringBuilder text, int line) {
    String statement = text.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(new Statement(statement, line));
    }
  }

  private static boolean startsComment(String sql, int i) {
    return i + 1 < sql.length() && (sql.startsWith("--", i) || sql.startsWith("/*", i));
  }

  /** The index of the quote that closes the one at {@code open}; a doubled quote stays inside. */
  private static int closing(String sql, int open, char quote, boolean backslash) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  /** {@code $$} or {@code $tag$} at {@code i}, or null (a {@code $1} parameter is not a tag). */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return sql.substring(i, j + 1);
    }
    return null;
  }

  private static int count(String sql, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (sql.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
