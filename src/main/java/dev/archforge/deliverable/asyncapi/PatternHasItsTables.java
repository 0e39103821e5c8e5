package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.facts.schema.MessageTables;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.MigratedColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Coherence rule {@value #NAME}: the tables the AsyncAPI document promises exist. When its
 * description names the outbox or the event publication table, every service with a {@code send}
 * operation creates it in its migrations; when it names the processed-messages table (idempotent
 * consumers), every service with a {@code receive} operation does. A service without migrations
 * (no database of its own in SQL) is left out.
 */
final class PatternHasItsTables implements CrossValidator {
  static final String NAME = "pattern-has-its-tables";

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
    Map<String, MigratedColumns> migrated = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    for (String table : List.of(MessageTables.OUTBOX, MessageTables.PUBLICATION, MessageTables.PROCESSED)) {
      if (!description.contains("`" + table + "`")) {
        continue;
      }
      String action = table.equals(MessageTables.PROCESSED) ? "receive" : "send";
      for (String service : services(contract.get(), action)) {
        MigratedColumns tables = migrated.computeIfAbsent(service, s -> MigratedColumns.of(all, s));
        if (tables.any() && !tables.exists(table)) {
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
}
