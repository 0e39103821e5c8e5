package dev.archforge.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser as the migrations' validator and the checks across files run it. It parses on an
 * executor, for its time-out: {@link #POOL} is the process's one pool (left to itself it starts and
 * stops a thread per statement). And it reads statements {@value #PASS} to a pass: on its own, each
 * statement costs a parser and a hand-over to the time-out's thread.
 */
public final class JSqlParserPasses {
  public static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "archforge-jsqlparser");
    thread.setDaemon(true);
    return thread;
  });

  /** How many statements {@link #parse} reads in one pass. */
  private static final int PASS = 16;

  private JSqlParserPasses() {}

  /**
   * Statements parsed {@value #PASS} at a time, each as written. A pass that fails (a word to quote,
   * a statement JSqlParser does not know, an error) leaves its statements out, for the caller to read
   * one by one.
   *
   * @return each statement's text mapped to what it parsed to
   */
  public static Map<String, Statement> parse(List<String> sqls) {
    Map<String, Statement> parsed = new HashMap<>();
    for (int from = 0; from < sqls.size(); from += PASS) {
      List<String> pass = sqls.subList(from, Math.min(sqls.size(), from + PASS));
      try {
        List<Statement> statements = CCJSqlParserUtil.parseStatements(String.join(";\n", pass) + ";", POOL, p -> {});
        if (statements.size() == pass.size() && statements.stream().noneMatch(UnsupportedStatement.class::isInstance)) {
          for (int i = 0; i < pass.size(); i++) {
            parsed.put(pass.get(i), statements.get(i));
          }
        }
      } catch (JSQLParserException e) {
        // its statements are read one by one
      }
    }
    return parsed;
  }
}
