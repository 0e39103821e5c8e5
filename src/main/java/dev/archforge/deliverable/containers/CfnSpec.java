package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.deliverable.AwsModelWalk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation resource specification's resource and property types (an extract in
 * {@code validate/cloudformation/}, see its NOTICE) and a check of one resource's Properties
 * against it: every property one the type declares, the required ones present, and each value of
 * its primitive type, list, map or property type. An intrinsic function ({@code {"Ref": ...}},
 * {@code {"Fn::...": ...}}) stands for any value.
 */
final class CfnSpec {
  static final String RESOURCE = "validate/cloudformation/serverless-function.spec.json";
  /** The ResourceSpecificationVersion of {@link #RESOURCE}; loading a file of another version fails. */
  static final String VERSION = "117.0.0";
  private final JsonNode spec;

  private CfnSpec(JsonNode spec) {
    this.spec = spec;
  }

  static CfnSpec load() {
    try (InputStream in = CfnSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      CfnSpec spec = new CfnSpec(new ObjectMapper().readTree(in));
      if (!spec.version().equals(VERSION)) {
        throw new IllegalStateException(RESOURCE + " is version " + spec.version() + ", not " + VERSION);
      }
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String version() {
    return spec.path("ResourceSpecificationVersion").asText();
  }

  boolean knows(String resourceType) {
    return spec.path("ResourceTypes").has(resourceType);
  }

  /** The problems of a resource's Properties. */
  List<AwsModelWalk.Problem> check(String resourceType, JsonNode properties, String pointer) {
    List<AwsModelWalk.Problem> problems = new ArrayList<>();
    object(resourceType, spec.path("ResourceTypes").path(resourceType), properties, pointer, problems);
    return problems;
  }

  private void object(String type, JsonNode typeSpec, JsonNode value, String at, List<AwsModelWalk.Problem> out) {
    if (intrinsic(value)) {
      return;
    }
    if (!value.isObject()) {
      out.add(new AwsModelWalk.Problem(at, "must be an object (" + simple(type) + ")"));
      return;
    }
    JsonNode declared = typeSpec.path("Properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!declared.has(e.getKey())) {
        out.add(new AwsModelWalk.Problem(at + "/" + e.getKey(), "`" + e.getKey() + "` is not a property of "
            + simple(type)));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode v = value.get(p.getKey());
      if (v == null) {
        if (p.getValue().path("Required").asBoolean()) {
          out.add(new AwsModelWalk.Problem(at, "the required property `" + p.getKey() + "` of " + simple(type)
              + " is missing"));
        }
        continue;
      }
      property(type, p.getValue(), v, at + "/" + p.getKey(), value, out);
    }
  }

  private void property(String owner, JsonNode p, JsonNode v, String at, JsonNode parent,
      List<AwsModelWalk.Problem> out) {
    if (intrinsic(v)) {
      return;
    }
    String prefix = owner.contains(".") ? owner.substring(0, owner.indexOf('.')) : owner;
    String type = p.path("Type").asText("");
    if (type.equals("List") || type.equals("Map")) {
      if (type.equals("List") ? !v.isArray() : !v.isObject()) {
        out.add(new AwsModelWalk.Problem(at, "must be a " + (type.equals("List") ? "list" : "map")));
        return;
      }
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.isArray() ? null : v.fields(); it != null && it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        item(prefix, p, e.getValue(), at + "/" + e.getKey(), out);
      }
      for (JsonNode item : v.isArray() ? v : List.<JsonNode>of()) {
        item(prefix, p, item, at + "/" + i++, out);
      }
      return;
    }
    if (v.isArray() && (p.has("InclusiveItemTypes") || p.has("InclusivePrimitiveItemTypes"))) {
      int i = 0;
      for (JsonNode item : v) {
        item(prefix, p, item, at + "/" + i++, out);
      }
    } else if (p.has("PrimitiveType")) {
      primitive(p.path("PrimitiveType").asText(), v, at, out);
    } else if (!type.isEmpty()) {
      object(prefix + "." + type, spec.path("PropertyTypes").path(prefix + "." + type), v, at, out);
    } else if (p.has("Types") || p.has("PrimitiveTypes")) {
      union(prefix, p, v, at, parent, out);
    }
  }

  private void item(String prefix, JsonNode p, JsonNode item, String at, List<AwsModelWalk.Problem> out) {
    if (p.has("PrimitiveItemType")) {
      primitive(p.path("PrimitiveItemType").asText(), item, at, out);
    } else if (p.has("ItemType")) {
      String t = prefix + "." + p.path("ItemType").asText();
      object(t, spec.path("PropertyTypes").path(t), item, at, out);
    } else if (p.has("InclusiveItemTypes") || p.has("InclusivePrimitiveItemTypes")) {
      if (item.isTextual() && p.has("InclusivePrimitiveItemTypes")) {
        return;
      }
      ObjectNode asUnion = p.deepCopy();
      asUnion.set("Types", p.path("InclusiveItemTypes"));
      union(prefix, asUnion, item, at, null, out);
    }
  }

  /**
   * A value of one of several types: an event's Properties are the type its sibling {@code Type}
   * names ({@code SQS} → {@code SQSEvent}); otherwise the first type it satisfies.
   */
  private void union(String prefix, JsonNode p, JsonNode v, String at, JsonNode parent,
      List<AwsModelWalk.Problem> out) {
    if (v.isTextual() && p.has("PrimitiveTypes")) {
      return;
    }
    List<String> types = new ArrayList<>();
    p.path("Types").forEach(t -> types.add(t.asText()));
    if (parent != null && parent.path("Type").isTextual() && types.contains(parent.path("Type").asText() + "Event")) {
      String t = prefix + "." + parent.path("Type").asText() + "Event";
      object(t, spec.path("PropertyTypes").path(t), v, at, out);
      return;
    }
    if (parent != null && parent.has("Type") && at.endsWith("/Properties")) {
      out.add(new AwsModelWalk.Problem(at.substring(0, at.length() - "/Properties".length()) + "/Type", "`"
          + parent.path("Type").asText() + "` is not an event source type (" + String.join(", ", types) + ")"));
      return;
    }
    List<AwsModelWalk.Problem> first = null;
    for (String t : types) {
      List<AwsModelWalk.Problem> tried = new ArrayList<>();
      object(prefix + "." + t, spec.path("PropertyTypes").path(prefix + "." + t), v, at, tried);
      if (tried.isEmpty()) {
        return;
      }
      first = first == null ? tried : first;
    }
    out.addAll(first == null ? List.of(new AwsModelWalk.Problem(at, "has no type it may take")) : first);
  }

  private static void primitive(String type, JsonNode v, String at, List<AwsModelWalk.Problem> out) {
    boolean ok = switch (type) {
      case "String" -> v.isTextual() || v.isNumber() || v.isBoolean();
      case "Integer", "Long" -> v.isIntegralNumber() || v.isTextual() && v.asText().matches("-?\\d+");
      case "Double" -> v.isNumber() || v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?");
      case "Boolean" -> v.isBoolean() || v.isTextual() && v.asText().matches("true|false");
      case "Json" -> v.isObject() || v.isArray();
      default -> true;
    };
    if (!ok) {
      out.add(new AwsModelWalk.Problem(at, "must be a" + (type.equals("Integer") ? "n " : " ") + type.toLowerCase(
          java.util.Locale.ROOT) + ", not `" + v + "`"));
    }
  }

  /** {@code {"Ref": ...}} or {@code {"Fn::GetAtt": ...}}: CloudFormation resolves it at deploy time. */
  static boolean intrinsic(JsonNode v) {
    if (!v.isObject() || v.size() != 1) {
      return false;
    }
    String key = v.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  private static String simple(String type) {
    return type.replace("AWS::Serverless::", "").replace("AWS::Lambda::", "");
  }
}
