package dev.archforge.deliverable.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.deliverable.AwsModelWalk;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Checks {@code db/<service>/dynamodb.json}: its {@code table} against the CreateTable input of the
 * DynamoDB API's model in the AWS SDK for Java 2 (members, types, enum values), then the rules the
 * API enforces at run time (every key attribute defined and every definition used by a key, one
 * HASH key first, at most 20 global secondary indexes with valid names, provisioned throughput
 * exactly when the billing mode is PROVISIONED); and our own rule that every access pattern reads
 * a key or index that exists with a key condition on its keys: its partition key by equality,
 * then at most its sort key.
 */
final class DynamoValidator implements Validator {
  static final Artifact.Kind KIND = new Artifact.Kind("dynamodb");
  private static final String NAME = "dynamodb (AWS SDK model of CreateTable, and the access patterns)";
  private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final int MAX_INDEXES = 20;
  private static final Pattern CONDITION = Pattern.compile(
      "(\\w+) = :\\w+(?: AND (?:(\\w+) (?:=|<|<=|>|>=) :\\w+|begins_with\\((\\w+), :\\w+\\)|(\\w+) BETWEEN :\\w+ AND :\\w+))?");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(artifact.content());
    } catch (JsonProcessingException e) {
      return List.of(new Finding(artifact.path(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not JSON: " + e.getOriginalMessage(), NAME));
    }
    List<String[]> problems = new ArrayList<>();
    JsonNode table = json.path("table");
    AwsModelWalk.check(CreateTableRequest.builder(), table, "/table")
        .forEach(p -> problems.add(new String[] {p.pointer(), p.message()}));
    Map<String, String[]> keys = table(table, problems);
    patterns(json.path("accessPatterns"), keys, problems);
    YamlLines lines = YamlLines.of(artifact.content());
    List<Finding> findings = new ArrayList<>();
    for (String[] p : problems) {
      findings.add(new Finding(artifact.path(), Math.max(1, lines.line(p[0])), p[1], NAME));
    }
    return findings;
  }

  /** The key schemas by index ({@code table} for the table's own): [partition key, sort key or null]. */
  private static Map<String, String[]> table(JsonNode table, List<String[]> problems) {
    for (String member : List.of("TableName", "AttributeDefinitions", "KeySchema")) {
      if (table.path(member).isMissingNode() || table.path(member).isEmpty() && !table.path(member).isTextual()) {
        problems.add(new String[] {"/table", "the required member `" + member + "` is missing"});
      }
    }
    Set<String> defined = new HashSet<>();
    table.path("AttributeDefinitions").forEach(a -> defined.add(a.path("AttributeName").asText()));
    Set<String> used = new HashSet<>();
    Map<String, String[]> keys = new HashMap<>();
    keys.put("table", keySchema(table.path("KeySchema"), "/table/KeySchema", defined, used, problems));
    boolean provisioned = table.path("BillingMode").asText("PROVISIONED").equals("PROVISIONED");
    throughput(table, "/table", provisioned, problems);
    JsonNode indexes = table.path("GlobalSecondaryIndexes");
    if (indexes.size() > MAX_INDEXES) {
      problems.add(new String[] {"/table/GlobalSecondaryIndexes", indexes.size() + " global secondary indexes: a"
          + " table may have at most " + MAX_INDEXES});
    }
    for (int i = 0; i < indexes.size(); i++) {
      JsonNode index = indexes.get(i);
      String at = "/table/GlobalSecondaryIndexes/" + i;
      String name = index.path("IndexName").asText("");
      if (!INDEX_NAME.matcher(name).matches()) {
        problems.add(new String[] {at, "index name `" + name + "` must be 3 to 255 letters, digits, '_', '-' or '.'"});
      }
      if (keys.put(name, keySchema(index.path("KeySchema"), at + "/KeySchema", defined, used, problems)) != null
          || name.equals("table")) {
        problems.add(new String[] {at, "index name `" + name + "` is used twice"});
      }
      throughput(index, at, provisioned, problems);
    }
    defined.stream().filter(a -> !used.contains(a)).sorted().forEach(a -> problems.add(new String[] {
        "/table/AttributeDefinitions", "attribute `" + a + "` is defined but no key schema uses it (DynamoDB refuses"
            + " the table)"}));
    return keys;
  }

  private static String[] keySchema(JsonNode schema, String at, Set<String> defined, Set<String> used,
      List<String[]> problems) {
    String[] key = new String[2];
    if (schema.size() < 1 || schema.size() > 2 || !schema.path(0).path("KeyType").asText().equals("HASH")
        || schema.size() == 2 && !schema.path(1).path("KeyType").asText().equals("RANGE")) {
      problems.add(new String[] {at, "a key schema is one HASH key, then at most one RANGE key"});
    }
    for (int i = 0; i < schema.size() && i < 2; i++) {
      String attribute = schema.get(i).path("AttributeName").asText();
      key[i] = attribute;
      used.add(attribute);
      if (!defined.contains(attribute)) {
        problems.add(new String[] {at + "/" + i, "key attribute `" + attribute + "` is not in AttributeDefinitions"});
      }
    }
    return key;
  }

  private static void throughput(JsonNode node, String at, boolean provisioned, List<String[]> problems) {
    boolean given = node.has("ProvisionedThroughput");
    if (provisioned != given) {
      problems.add(new String[] {at, provisioned ? "BillingMode PROVISIONED needs ProvisionedThroughput here"
          : "ProvisionedThroughput is given but BillingMode is PAY_PER_REQUEST"});
    }
  }

  private static void patterns(JsonNode patterns, Map<String, String[]> keys, List<String[]> problems) {
    if (patterns.isEmpty()) {
      problems.add(new String[] {"/accessPatterns", "no access pattern is listed"});
    }
    for (int i = 0; i < patterns.size(); i++) {
      JsonNode p = patterns.get(i);
      String at = "/accessPatterns/" + i;
      String index = p.path("index").asText();
      String[] key = keys.get(index);
      String condition = p.path("keyCondition").asText();
      Matcher m = CONDITION.matcher(condition);
      if (key == null) {
        problems.add(new String[] {at, "`" + p.path("pattern").asText() + "` reads index `" + index + "`, which the"
            + " table does not have"});
      } else if (!m.matches()) {
        problems.add(new String[] {at, "key condition `" + condition + "` is not `<partition key> = :v` with at most"
            + " one condition on the sort key"});
      } else if (!m.group(1).equals(key[0])) {
        problems.add(new String[] {at, "key condition `" + condition + "` does not fix " + index + "'s partition key "
            + key[0]});
      } else {
        String sort = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        if (sort != null && !sort.equals(key[1])) {
          problems.add(new String[] {at, "key condition `" + condition + "` names `" + sort + "`, which is not "
              + index + "'s sort key" + (key[1] == null ? "" : " " + key[1])});
        }
      }
    }
  }

  /** The JSON reader, made when the first table design is checked. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
