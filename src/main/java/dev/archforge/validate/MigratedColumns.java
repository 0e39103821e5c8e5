package dev.archforge.validate;

import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The tables of one service as its migrations ({@code db/<service>/migrations/V<n>__*.sql}) leave
 * them, applied in version order: the type of each column and which columns lead a unique key or an
 * index. Reads CREATE TABLE with JSqlParser and the ALTER TABLE and CREATE INDEX forms the
 * migrations deliverable writes; for the coherence rules that check a claim against the schema.
 */
public final class MigratedColumns {
  private static final Pattern QUOTES = Pattern.compile("[`\"]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PAREN = Pattern.compile(" ?\\( ?");
  private static final Pattern VERSION = Pattern.compile("/V(\\d+)__[^/]*\\.sql$");
  private static final String NAME = "[`\"]?(?:\\w+[`\"]?\\.[`\"]?)?(\\w+)[`\"]?";
  private static final Pattern ADD = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+" + NAME
      + "\\s+ADD\\s+(?:COLUMN\\s+)?[`\"]?(\\w+)[`\"]?\\s+([\\w ]+(?:\\([\\d, ]+\\))?)");
  private static final Pattern RETYPE = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+" + NAME
      + "\\s+(?:ALTER\\s+COLUMN\\s+[`\"]?(\\w+)[`\"]?\\s+(?:SET\\s+DATA\\s+)?TYPE|MODIFY\\s+(?:COLUMN\\s+)?[`\"]?(\\w+)"
      + "[`\"]?)\\s+([\\w ]+?(?:\\([\\d, ]+\\))?)(?:\\s+USING|\\s+NOT|\\s+NULL|\\s*$)");
  private static final Pattern RENAME = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+" + NAME
      + "\\s+RENAME\\s+COLUMN\\s+[`\"]?(\\w+)[`\"]?\\s+TO\\s+[`\"]?(\\w+)");
  private static final Pattern RENAME_TABLE = Pattern.compile("(?is)^(?:ALTER\\s+TABLE\\s+" + NAME + "\\s+RENAME\\s+TO"
      + "|RENAME\\s+TABLE\\s+" + NAME + "\\s+TO)\\s+[`\"]?(\\w+)");
  private static final Pattern KEY = Pattern.compile("(?is)^(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+\\S+\\s+ON\\s+" + NAME
      + "|ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+CONSTRAINT\\s+\\S+\\s+UNIQUE)\\s*\\(\\s*[`\"]?(\\w+)");

  private final Map<String, Map<String, String>> types = new HashMap<>();
  private final Set<String> keyed = new HashSet<>();
  private boolean migrated;

  /** The columns of the migrations of {@code db/<service>/migrations/}. */
  public static MigratedColumns of(List<Artifact> all, String service) {
    String folder = "db/" + service + "/migrations/";
    List<Artifact> files = new ArrayList<>(all.stream().filter(a -> a.path().startsWith(folder)
        && VERSION.matcher(a.path()).find()).toList());
    files.sort(Comparator.comparingLong(MigratedColumns::version));
    MigratedColumns columns = new MigratedColumns();
    columns.migrated = !files.isEmpty();
    files.forEach(a -> a.derived().get(Statements.class, () -> Statements.of(a)).parsed()
        .forEach(p -> columns.apply(p.text(), p.create())));
    return columns;
  }

  /**
   * The statements of one migration, each CREATE TABLE parsed once for every rule that reads its columns (null where
   * JSqlParser does not know it: the migrations' own validator reports that), in passes ({@link JSqlParserPasses}).
   */
  private record Statements(List<Parsed> parsed) {
    static Statements of(Artifact migration) {
      List<String> all = statements(migration.content());
      Map<String, Statement> ahead = JSqlParserPasses.parse(all.stream().filter(Statements::creates).toList());
      return new Statements(all.stream().map(s -> new Parsed(s, creates(s) ? create(s, ahead) : null)).toList());
    }

    private static boolean creates(String statement) {
      return statement.regionMatches(true, 0, "CREATE TABLE", 0, 12);
    }

    private static CreateTable create(String statement, Map<String, Statement> ahead) {
      try {
        Statement parsed = ahead.containsKey(statement) ? ahead.get(statement)
            : CCJSqlParserUtil.parse(statement, JSqlParserPasses.POOL, p -> {});
        return parsed instanceof CreateTable create ? create : null;
      } catch (JSQLParserException e) {
        return null;
      }
    }
  }

  /** Whether the service has migrations at all. */
  public boolean any() {
    return migrated;
  }

  public boolean exists(String table) {
    return types.containsKey(table);
  }

  public Optional<String> type(String table, String column) {
    return Optional.ofNullable(types.getOrDefault(table, Map.of()).get(column));
  }

  /** Whether a unique key or an index starts with this column. */
  public boolean keyed(String table, String column) {
    return keyed.contains(table + "." + column);
  }

  private static long version(Artifact a) {
    Matcher m = VERSION.matcher(a.path());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The statements of a migration without comment lines. */
  private static List<String> statements(String sql) {
    StringBuilder text = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    return List.of(text.toString().split(";\\s*\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private record Parsed(String text, CreateTable create) {}

  private void apply(String statement, CreateTable parsed) {
    if (statement.regionMatches(true, 0, "CREATE TABLE", 0, 12)) {
      if (parsed != null) {
        create(parsed);
      }
      return;
    }
    Matcher m = RENAME.matcher(statement);
    if (m.find()) {
      Map<String, String> table = types.computeIfAbsent(m.group(1), k -> new HashMap<>());
      String type = table.remove(m.group(2));
      if (type != null) {
        table.put(m.group(3), type);
      }
      if (keyed.remove(m.group(1) + "." + m.group(2))) {
        keyed.add(m.group(1) + "." + m.group(3));
      }
    } else if ((m = RENAME_TABLE.matcher(statement)).find()) {
      String from = m.group(1) != null ? m.group(1) : m.group(2);
      String to = m.group(3);
      Map<String, String> table = types.remove(from);
      if (table != null) {
        types.put(to, table);
      }
      List<String> moved = keyed.stream().filter(k -> k.startsWith(from + ".")).toList();
      keyed.removeAll(moved);
      moved.forEach(k -> keyed.add(to + k.substring(from.length())));
    } else if ((m = RETYPE.matcher(statement)).find()) {
      String column = m.group(2) != null ? m.group(2) : m.group(3);
      types.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(column, normal(m.group(4)));
    } else if ((m = ADD.matcher(statement)).find() && !m.group(2).equalsIgnoreCase("CONSTRAINT")) {
      types.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), normal(m.group(3)));
    }
    if ((m = KEY.matcher(statement)).find()) {
      keyed.add((m.group(1) != null ? m.group(1) : m.group(2)) + "." + m.group(3));
    }
  }

  private void create(CreateTable create) {
    String table = create.getTable().getUnquotedName();
    Map<String, String> columns = types.computeIfAbsent(table, k -> new HashMap<>());
    for (ColumnDefinition c : create.getColumnDefinitions()) {
      columns.put(unquote(c.getColumnName()), normal(c.getColDataType().toString()));
    }
    for (Index i : create.getIndexes() == null ? List.<Index>of() : create.getIndexes()) {
      if (!(i instanceof ForeignKeyIndex) && i.getColumns() != null && !i.getColumns().isEmpty()) {
        keyed.add(table + "." + unquote(i.getColumnsNames().get(0)));
      }
    }
  }

  private static String unquote(String name) {
    return QUOTES.matcher(name).replaceAll("");
  }

  private static String normal(String type) {
    return PAREN.matcher(SPACES.matcher(type.strip().toLowerCase(Locale.ROOT)).replaceAll(" ")).replaceAll("(");
  }
}
