package dev.archforge.facts.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A typed value for a {@code default} or {@code example}. A string is handed to the template as
 * text, which the YAML output format quotes; anything else (number, boolean, object, array) is
 * YAML flow text built here, from a {@link JsonNode}, with every string inside it double-quoted
 * and escaped, so the template may print it with {@code ?no_esc}.
 *
 * @param text the string itself when {@code quoted}, else YAML flow text
 * @param quoted whether the template must quote it (it is a string)
 */
public record Literal(String text, boolean quoted) {

  /** The literal of a JSON value. */
  public static Literal of(JsonNode node) {
    if (node.isTextual()) {
      return new Literal(node.textValue(), true);
    }
    StringBuilder sb = new StringBuilder();
    flow(node, sb);
    return new Literal(sb.toString(), false);
  }

  private static void flow(JsonNode node, StringBuilder sb) {
    if (node.isTextual()) {
      quote(node.textValue(), sb);
    } else if (node.isIntegralNumber()) {
      sb.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      sb.append(node.decimalValue().toPlainString());
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue());
    } else if (node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        flow(node.get(i), sb);
      }
      sb.append(']');
    } else if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        sb.append(first ? "" : ", ");
        first = false;
        quote(e.getKey(), sb);
        sb.append(": ");
        flow(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("no YAML literal for " + node.getNodeType());
    }
  }

  /** A double-quoted YAML scalar in printable ASCII: everything else is escaped. */
  public static void quote(String text, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"' || cp == '\\') {
        sb.append('\\').append((char) cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp >= 0x20 && cp < 0x7f) {
        sb.append((char) cp);
      } else if (cp <= 0xffff) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    sb.append('"');
  }
}
