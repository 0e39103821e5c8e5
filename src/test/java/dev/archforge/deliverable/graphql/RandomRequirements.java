package dev.archforge.deliverable.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid requirements files whose services all have one API style, built to reach what breaks
 * schemas and proto files: entity names the schema itself uses ({@code Date}, {@code PageInfo},
 * {@code Mutation}, {@code Timestamp}), field names that are keywords elsewhere ({@code package},
 * {@code version}, {@code errors}), enum values that collide once spelled as names, every field type
 * and relation kind, both id types, defaults, secrets, anonymous access and descriptions full of
 * quotes, backslashes, {@code """} and line breaks.
 */
public final class RandomRequirements {
  private static final List<String> ENTITIES = List.of("Date", "PageInfo", "Item", "OrderDirection", "Mutation",
      "Thing", "Status", "DateConnection", "UserError", "Timestamp", "Value", "FieldMask", "Edge", "Product",
      "Request", "HTTPServer");
  private static final List<String> FIELDS = List.of("name", "version", "type", "message", "package", "option",
      "errors", "value", "status", "f0", "urlHTTP", "panLast4", "createdOn", "syntax", "returns", "enumValue");
  private static final List<String> TYPES = List.of("string", "text", "integer", "long", "decimal", "boolean", "date",
      "datetime", "uuid", "email", "url", "enum", "json", "bytes");
  private static final List<String> VALUES = List.of("a1", "b-2", "c_3", "in_progress", "1.5", "unspecified",
      "UNSPECIFIED", "x.y", "true", "null", "In-Progress");
  private static final List<String> TEXTS = List.of("plain words", "Say \\\"hi\\\" \\\"\\\"\\\" \\\\ # {x} ${y}",
      "first line\\nsecond line\\n\\nthird", "ends with a backslash \\\\", "tab\\there // not a comment */", "");

  private RandomRequirements() {}

  /** Requirements files with one to three services, all with {@code api}. */
  public static Arbitrary<String> of(String api) {
    return Arbitraries.randomValue(random -> document(random, api));
  }

  static String document(Random random, String api) {
    List<String> names = new ArrayList<>(ENTITIES);
    Collections.shuffle(names, random);
    String auth = pick(random, List.of("oidc", "jwt", "api-key", "mtls", "none"));
    StringBuilder yaml = new StringBuilder("archforge: 1\nproject: { name: prop-test, title: \"")
        .append(pick(random, TEXTS)).append("\" }\nsecurity: { authentication: ").append(auth)
        .append(", roles: [reader, writer] }\nservices:\n");
    StringBuilder entities = new StringBuilder("entities:\n");
    int next = 0;
    int services = 1 + random.nextInt(3);
    for (int s = 0; s < services; s++) {
      int count = 1 + random.nextInt(3);
      List<String> owned = names.subList(next, next + count);
      next += count;
      yaml.append("  svc-").append(s).append(":\n    api: ").append(api).append("\n    description: \"")
          .append(pick(random, TEXTS)).append("\"\n    language: ").append(pick(random, List.of("java", "go", "node")))
          .append("\n    entities: [").append(String.join(", ", owned)).append("]\n    access:\n");
      for (String e : owned) {
        yaml.append("      ").append(e).append(": { read: [").append(random.nextBoolean() ? "anonymous, " : "")
            .append("reader], write: [").append(random.nextInt(4) == 0 ? "" : "writer").append("] }\n");
      }
      for (int e = 0; e < owned.size(); e++) {
        entities.append(entity(random, owned, e));
      }
    }
    return yaml.append(entities).toString();
  }

  private static String entity(Random random, List<String> owned, int index) {
    StringBuilder sb = new StringBuilder("  ").append(owned.get(index)).append(":\n    description: \"")
        .append(pick(random, TEXTS)).append("\"\n    id: ").append(random.nextBoolean() ? "uuid" : "long")
        .append("\n    audit: ").append(random.nextInt(3) > 0).append("\n    softDelete: ").append(random.nextBoolean())
        .append("\n    fields:\n");
    List<String> fieldNames = new ArrayList<>(FIELDS);
    Collections.shuffle(fieldNames, random);
    int count = 1 + random.nextInt(6);
    for (int f = 0; f < count; f++) {
      sb.append("      ").append(fieldNames.get(f)).append(": ").append(field(random)).append('\n');
    }
    List<String> relations = new ArrayList<>();
    if (index > 0) {
      String previous = owned.get(index - 1);
      relations.add("      parent: { to: " + previous + ", kind: many-to-one, required: " + random.nextBoolean() + " }");
      relations.add("      peers: { to: " + previous + ", kind: many-to-many }");
      relations.add("      twin: { to: " + previous + ", kind: one-to-one, description: \"" + pick(random, TEXTS)
          + "\" }");
    }
    if (index + 1 < owned.size()) {
      relations.add("      children: { to: " + owned.get(index + 1) + ", kind: one-to-many }");
    }
    if (!relations.isEmpty()) {
      sb.append("    relations:\n");
      relations.forEach(r -> sb.append(r).append('\n'));
    }
    return sb.toString();
  }

  private static String field(Random random) {
    String type = pick(random, TYPES);
    StringBuilder sb = new StringBuilder("{ type: ").append(type);
    boolean flag = random.nextBoolean();
    switch (type) {
      case "enum" -> {
        List<String> values = new ArrayList<>(VALUES);
        Collections.shuffle(values, random);
        List<String> chosen = values.subList(0, 1 + random.nextInt(5));
        sb.append(", values: [").append(String.join(", ", chosen.stream().map(v -> "\"" + v + "\"").toList()))
            .append("]");
        if (flag) {
          sb.append(", default: \"").append(chosen.get(chosen.size() - 1)).append("\"");
        }
      }
      case "string" -> sb.append(flag ? ", maxLength: 40, minLength: 2, pattern: \"^[a-z\\\"]+$\""
          : ", default: \"say \\\"hi\\\" \\\\ ok\"");
      case "decimal" -> sb.append(flag ? ", precision: 12, scale: 4, min: 0" : ", precision: 5, scale: 0");
      case "integer" -> sb.append(flag ? ", min: -5, max: 5000, default: 0" : "");
      case "boolean" -> sb.append(flag ? ", default: true" : "");
      default -> { }
    }
    if (random.nextBoolean()) {
      sb.append(", required: true");
    }
    if (random.nextBoolean() && !type.equals("json") && !type.equals("bytes")) {
      sb.append(random.nextBoolean() ? ", indexed: true" : ", unique: true");
    }
    if (type.equals("string") || type.equals("email")) {
      sb.append(", pii: true, secret: ").append(random.nextInt(3) == 0);
    }
    return sb.append(", description: \"").append(pick(random, TEXTS)).append("\" }").toString();
  }

  private static String pick(Random random, List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
