package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.facts.schema.MessageTables;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Coherence rule {@value #NAME}: the tables the AsyncAPI document promises exist. When its
 * description names the outbox or the event publication table, every service with a {@code send}
 * operation creates it in its migrations; when it names the processed-messages table (idempotent
 * consumers), every service with a {@code receive} operation does. A service without migrations
 * (no database of its own in SQL) is left out.
 */
final class PatternHasItsTables implements CrossValidator {
  static final String NAME = "pattern-has-its-tables";
  private static final Pattern CREATE = Pattern.compile(
      "(?im)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:[`\"]?\\w+[`\"]?\\.)?[`\"]?(\\w+)[`\"]?");
  private static final Pattern MIGRATION = Pattern.compile("db/([^/]+)/migrations/[^/]+\\.sql");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<JsonNode> contract = ParsedContract.of(all);
    if (contract.isEmpty()) {
      return List.of();
    }
    String description = contract.get().path("info").path("description").asText("");
    Map<String, Set<String>> created = created(all);
    List<Finding> findings = new ArrayList<>();
    for (String table : List.of(MessageTables.OUTBOX, MessageTables.PUBLICATION, MessageTables.PROCESSED)) {
      if (!description.contains("`" + table + "`")) {
        continue;
      }
      String action = table.equals(MessageTables.PROCESSED) ? "receive" : "send";
      for (String service : services(contract.get(), action)) {
        Set<String> tables = created.get(service);
        if (tables != null && !tables.contains(table)) {
          findings.add(new Finding("db/" + service + "/migrations", 0, "no migration of " + service
              + " creates the table " + table + ", but " + Layout.ASYNCAPI + " promises it to every service that "
              + (action.equals("send") ? "sends" : "receives") + " events", NAME));
        }
      }
    }
    return findings;
  }

  /** The services with an operation of this action: operation ids are {@code <service>.<action><Event>}. */
  private static Set<String> services(JsonNode doc, String action) {
    Set<String> services = new TreeSet<>();
    for (Map.Entry<String, JsonNode> op : doc.path("operations").properties()) {
      int dot = op.getKey().indexOf('.');
      if (dot > 0 && action.equals(op.getValue().path("action").asText())) {
        services.add(op.getKey().substring(0, dot));
      }
    }
    return services;
  }

  /** The tables each service's migrations create, by service. */
  private static Map<String, Set<String>> created(List<Artifact> all) {
    Map<String, Set<String>> created = new TreeMap<>();
    for (Artifact a : all) {
      Matcher path = MIGRATION.matcher(a.path());
      if (!path.matches()) {
        continue;
      }
      Set<String> tables = created.computeIfAbsent(path.group(1), k -> new TreeSet<>());
      Matcher m = CREATE.matcher(a.content());
      while (m.find()) {
        int end = a.content().indexOf(";\n", m.start());
        tables.add(tableName(a.content().substring(m.start(), end < 0 ? a.content().length() : end), m.group(1)));
      }
    }
    return created;
  }

  /** The table a CREATE TABLE statement creates, as JSqlParser reads it; the name the pattern saw if it cannot. */
  private static String tableName(String statement, String seen) {
    try {
      if (CCJSqlParserUtil.parse(statement) instanceof CreateTable create) {
        return create.getTable().getUnquotedName();
      }
    } catch (JSQLParserException e) {
      // a statement JSqlParser does not know: the migrations' own validator reports it; the name is enough here
    }
    return seen;
  }
}
