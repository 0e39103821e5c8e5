package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.SqlNames;
import dev.archforge.validate.JSqlParserPasses;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParserKeywordsUtils;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser with two of its habits dealt with. It reserves words the databases do not (a table
 * named {@code sample}, say): such a word is quoted and the statement parsed again; a word the
 * databases reserve is never quoted, so a real error keeps its message. And it returns an
 * "unsupported statement" where it gives up: for the statements migrations are made of (tables,
 * indexes, keys, comments) that is an error here, as is text that starts with no SQL verb; any
 * other statement it cannot parse (an extension, a function, a data change) is left to the database
 * ({@code validate --db}).
 */
final class JSqlParsing {
  private static final Pattern UNEXPECTED_WORD = Pattern.compile("unexpected token: \"([A-Za-z_][A-Za-z0-9_]*)\"");
  private static final Pattern OURS = Pattern.compile(
      "(?is)(CREATE\\s+(TABLE|(UNIQUE\\s+)?INDEX)|ALTER\\s+TABLE|COMMENT\\s+ON)\\b.*");
  /** Statement verbs: a statement that starts with one and is not of migrations' kinds is left to the database. */
  private static final Pattern VERB = Pattern.compile("(?i)(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|MERGE|GRANT|REVOKE|"
      + "COMMENT|SET|RESET|DO|SELECT|WITH|TRUNCATE|CALL|ANALYZE|VACUUM|REINDEX|RENAME|LOCK|CLUSTER|REFRESH|SECURITY|"
      + "IMPORT|LOAD|REPLACE|USE|DECLARE)\\b");
  private static final Set<String> PARSER_WORDS = parserWords();
  private static final int ATTEMPTS = 8;
  /** JSqlParser's time-out runs each parse on an executor: the process's one pool, not a thread per statement. */
  private static final ExecutorService PARSING = JSqlParserPasses.POOL;

  private JSqlParsing() {}

  /** @return the statement, or null for a statement outside migrations' own kinds that JSqlParser does not know */
  static Statement parse(String sql) throws JSQLParserException {
    String text = sql;
    JSQLParserException first = null;
    Set<String> quoted = new HashSet<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String word;
      try {
        Statement statement = CCJSqlParserUtil.parse(text, PARSING, parser -> {});
        if (!(statement instanceof UnsupportedStatement)) {
          return statement;
        }
        word = nextCandidate(text, null, quoted);
      } catch (JSQLParserException e) {
        first = first == null ? e : first;
        Matcher m = UNEXPECTED_WORD.matcher(SqlValidator.parserMessage(e));
        word = nextCandidate(text, m.find() ? m.group(1) : null, quoted);
      }
      if (word == null) {
        break;
      }
      quoted.add(word);
      text = quote(text, word);
    }
    if (OURS.matcher(sql).matches() || !VERB.matcher(sql).lookingAt()) {
      throw first != null ? first : new JSQLParserException("JSqlParser does not understand this statement");
    }
    return null;
  }

  /** The word to quote next: the one the parser stopped at, else a word only JSqlParser restricts. */
  private static String nextCandidate(String sql, String unexpected, Set<String> quoted) {
    if (unexpected != null) {
      String word = unexpected.toLowerCase(Locale.ROOT);
      if (!SqlNames.isReserved(word) && !quoted.contains(word) && !VERB.matcher(word).matches()) {
        return word;
      }
    }
    return candidates(sql).stream().filter(w -> !quoted.contains(w)).findFirst().orElse(null);
  }

  /** Words of the statement JSqlParser restricts that the databases do not reserve. */
  private static List<String> candidates(String sql) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : sql.split("[^A-Za-z0-9_]+")) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (PARSER_WORDS.contains(lower) && !SqlNames.isReserved(lower)) {
        words.add(lower);
      }
    }
    return List.copyOf(words);
  }

  /** Double-quotes every standalone occurrence of {@code word} outside literals and quoted names. */
  static String quote(String sql, String word) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    char open = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (open != 0) {
        open = c == open ? 0 : open;
      } else if (c == '\'' || c == '"' || c == '`') {
        open = c;
      } else if (sql.regionMatches(true, i, word, 0, word.length()) && (i == 0 || !isNamePart(sql.charAt(i - 1)))
          && (i + word.length() == sql.length() || !isNamePart(sql.charAt(i + word.length())))) {
        out.append('"').append(sql, i, i + word.length()).append('"');
        i += word.length();
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static Set<String> parserWords() {
    Set<String> words = new HashSet<>();
    for (int restriction : new int[] {ParserKeywordsUtils.RESTRICTED_TABLE, ParserKeywordsUtils.RESTRICTED_COLUMN,
        ParserKeywordsUtils.RESTRICTED_ALIAS, ParserKeywordsUtils.RESTRICTED_JSQLPARSER}) {
      ParserKeywordsUtils.getReservedKeywords(restriction).forEach(w -> words.add(w.strip().toLowerCase(Locale.ROOT)));
    }
    return Set.copyOf(words);
  }
}
