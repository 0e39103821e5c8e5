package dev.archforge.apidiff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * AsyncAPI 3 through its parsed YAML: removed channels and messages, a changed address, and payload
 * changes property by property. A payload that refuses unknown properties (ours do) breaks
 * consumers on any new property too. Each change is named for the service that sends the event.
 */
final class AsyncApiComparer implements ContractComparer {
  // No Java library compares AsyncAPI documents, so this reads the parsed YAML itself.
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Override
  public List<Difference> compare(String before, String after) {
    JsonNode old = parse(before);
    JsonNode now = parse(after);
    Map<String, String> senders = senders(old);
    senders.putAll(senders(now));
    List<Difference> found = new ArrayList<>();
    for (String channel : names(old.path("channels"), now.path("channels"))) {
      JsonNode a = old.path("channels").path(channel);
      JsonNode b = now.path("channels").path(channel);
      String service = senders.get("#/channels/" + channel);
      if (b.isMissingNode()) {
        found.add(new Difference(service, "removed channel " + channel + " (its consumers get nothing)", true));
      } else if (a.isMissingNode()) {
        found.add(new Difference(service, "new channel " + channel, false));
      } else if (!a.path("address").equals(b.path("address"))) {
        found.add(new Difference(service, "channel " + channel + ": address changed from " + a.path("address").asText()
            + " to " + b.path("address").asText() + " (its consumers listen on the old one)", true));
      }
    }
    for (String message : names(old.at("/components/messages"), now.at("/components/messages"))) {
      JsonNode a = old.at("/components/messages").path(message);
      JsonNode b = now.at("/components/messages").path(message);
      String service = senders.get("#/components/messages/" + message);
      if (b.isMissingNode()) {
        found.add(new Difference(service, "removed message " + message, true));
      } else if (a.isMissingNode()) {
        found.add(new Difference(service, "new message " + message, false));
      } else {
        List<Difference> payload = new ArrayList<>();
        schema(resolve(old, a.path("payload")), resolve(now, b.path("payload")), old, now, message + " payload", payload);
        payload.forEach(d -> found.add(new Difference(service, d.what(), d.breaking())));
      }
    }
    return found;
  }

  private static void schema(JsonNode a, JsonNode b, JsonNode oldDoc, JsonNode newDoc, String at, List<Difference> found) {
    if (!Objects.equals(a.path("type").asText(null), b.path("type").asText(null))
        || !Objects.equals(a.path("format").asText(null), b.path("format").asText(null))) {
      found.add(Difference.breaking(at + ": type changed from " + typeOf(a) + " to " + typeOf(b)));
      return;
    }
    if (!a.path("enum").equals(b.path("enum"))) {
      found.add(Difference.breaking(at + ": enum values changed from " + a.path("enum") + " to " + b.path("enum")));
    }
    boolean closed = a.path("additionalProperties").isBoolean() && !a.path("additionalProperties").asBoolean();
    Set<String> wasRequired = texts(a.path("required"));
    Set<String> isRequired = texts(b.path("required"));
    for (String p : names(a.path("properties"), b.path("properties"))) {
      JsonNode pa = a.path("properties").path(p);
      JsonNode pb = b.path("properties").path(p);
      String name = at + " property '" + p + "'";
      if (pb.isMissingNode()) {
        found.add(Difference.breaking("removed " + name + " (consumers that read it get nothing)"));
      } else if (pa.isMissingNode()) {
        boolean required = isRequired.contains(p);
        found.add(new Difference(null, "new " + (required ? "required " : "optional ") + name + (closed
            ? " (the payload refuses unknown properties, so consumers of the current version refuse it)" : ""),
            closed));
      } else {
        if (wasRequired.contains(p) && !isRequired.contains(p)) {
          found.add(Difference.breaking(name + " is no longer always present"));
        } else if (!wasRequired.contains(p) && isRequired.contains(p)) {
          found.add(Difference.compatible(name + " is now always present"));
        }
        schema(resolve(oldDoc, pa), resolve(newDoc, pb), oldDoc, newDoc, name, found);
      }
    }
    if (a.has("items") || b.has("items")) {
      schema(resolve(oldDoc, a.path("items")), resolve(newDoc, b.path("items")), oldDoc, newDoc, at + " items", found);
    }
  }

  /** The service of each channel and message: the prefix of the operation that sends it ({@code books.sendBookLent}). */
  private static Map<String, String> senders(JsonNode doc) {
    Map<String, String> senders = new HashMap<>();
    doc.path("operations").fields().forEachRemaining(op -> {
      if ("send".equals(op.getValue().path("action").asText()) && op.getKey().contains(".")) {
        String service = op.getKey().substring(0, op.getKey().indexOf('.'));
        String channel = op.getValue().at("/channel/$ref").asText();
        senders.put(channel, service);
        doc.at(channel.substring(1) + "/messages").forEach(m -> senders.put(m.path("$ref").asText(), service));
      }
    });
    return senders;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
  }

  private static Set<String> names(JsonNode a, JsonNode b) {
    Set<String> names = new LinkedHashSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> texts = new LinkedHashSet<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static String typeOf(JsonNode schema) {
    return schema.path("type").asText("none") + (schema.has("format") ? " (" + schema.path("format").asText() + ")" : "");
  }

  private static JsonNode parse(String content) {
    try {
      return YAML.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
    }
  }
}
