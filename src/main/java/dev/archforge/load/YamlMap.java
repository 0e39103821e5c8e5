package dev.archforge.load;

import dev.archforge.model.Spelled;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with positions: duplicate and non-string keys are reported once, when the
 * map is opened; typed getters report wrong types at the value. A null value counts as absent.
 */
final class YamlMap {
  private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F]+");

  /** A text value with the node it came from, for messages about it later. */
  record Item(String value, Node node) {}

  private final String where;
  private final Diagnostics diagnostics;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(String where, Diagnostics diagnostics) {
    this.where = where;
    this.diagnostics = diagnostics;
  }

  /** Opens a mapping, or reports that the node is something else. */
  static Optional<YamlMap> open(Node node, String where, Diagnostics diagnostics) {
    if (!(node instanceof MappingNode mapping)) {
      diagnostics.error(node, "'" + where + "' must be a mapping of keys to values, not " + describe(node));
      return Optional.empty();
    }
    YamlMap map = new YamlMap(where, diagnostics);
    for (NodeTuple tuple : mapping.getValue()) {
      map.add(tuple);
    }
    return Optional.of(map);
  }

  private void add(NodeTuple tuple) {
    Node key = tuple.getKeyNode();
    if (key.getTag().equals(Tag.MERGE)) {
      diagnostics.error(key, "merge keys ('<<') are not supported; write the keys out");
      return;
    }
    if (!(key instanceof ScalarNode scalar) || !key.getTag().equals(Tag.STR)) {
      String text = key instanceof ScalarNode s ? "'" + s.getValue() + "'" : describe(key);
      diagnostics.error(key, "keys must be text; " + text + " is read as " + describe(key)
          + " — quote it if you mean text");
      return;
    }
    NodeTuple first = entries.get(scalar.getValue());
    if (first != null) {
      diagnostics.error(key, "duplicate key '" + scalar.getValue() + "' in '" + where + "' (first at line "
          + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
      return;
    }
    entries.put(scalar.getValue(), tuple);
  }

  String where() {
    return where;
  }

  /** Reports every key not in {@code known}, with the closest known key as a hint. */
  void allowOnly(Collection<String> known) {
    for (var entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        diagnostics.error(entry.getValue().getKeyNode(), "unknown key '" + entry.getKey() + "'" + (where.isEmpty() ? " at the top level" : " in '" + where + "'")
            + Suggestions.hint(entry.getKey(), known));
      }
    }
  }

  Collection<String> keys() {
    return entries.keySet();
  }

  /** Every key's node and its value's node, in the order written. */
  Collection<NodeTuple> tuples() {
    return entries.values();
  }

  /** The value node, or null when the key is absent or its value is null. */
  Node value(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || tuple.getValueNode().getTag().equals(Tag.NULL)) {
      return null;
    }
    return tuple.getValueNode();
  }

  Node keyNode(String key) {
    return entries.get(key).getKeyNode();
  }

  boolean has(String key) {
    return value(key) != null;
  }

  String path(String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  Optional<String> text(String key) {
    Node node = value(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    diagnostics.error(node, "'" + path(key) + "' must be text, not " + describe(node));
    return Optional.empty();
  }

  /** A text value that matches {@code regex}; reports one that does not, saying what it must be. */
  Optional<String> matching(String key, String regex, String what) {
    Optional<String> text = text(key);
    if (text.isPresent() && !text.get().matches(regex)) {
      diagnostics.error(value(key), "'" + path(key) + "' must be " + what + ", not '" + text.get() + "'");
      return Optional.empty();
    }
    return text;
  }

  /** A required text value; reports its absence at the map itself. */
  Optional<String> requiredText(String key, Node mapNode) {
    if (!has(key)) {
      diagnostics.error(mapNode, "'" + path(key) + "' is required");
      return Optional.empty();
    }
    return text(key);
  }

  Optional<Long> whole(String key, long min, long max) {
    Node node = value(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<BigInteger> parsed = node instanceof ScalarNode s && node.getTag().equals(Tag.INT)
        ? parseInteger(s.getValue()) : Optional.empty();
    if (parsed.isEmpty()) {
      diagnostics.error(node, "'" + path(key) + "' must be a whole number, not " + describe(node));
      return Optional.empty();
    }
    BigInteger value = parsed.get();
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      diagnostics.error(node, "'" + path(key) + "' must be between " + min + " and " + max + ", not " + value);
      return Optional.empty();
    }
    return Optional.of(value.longValue());
  }

  Optional<BigDecimal> number(String key) {
    Node node = value(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<BigDecimal> parsed = node instanceof ScalarNode s ? parseNumber(s) : Optional.empty();
    if (parsed.isEmpty()) {
      diagnostics.error(node, "'" + path(key) + "' must be a number, not " + describe(node));
    }
    return parsed;
  }

  Optional<Boolean> flag(String key) {
    Node node = value(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode s && node.getTag().equals(Tag.BOOL)) {
      return Optional.of(List.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase()));
    }
    diagnostics.error(node, "'" + path(key) + "' must be true or false, not " + describe(node));
    return Optional.empty();
  }

  /** A list of text items; reports a value that is not a list or items that are not text. */
  List<Item> list(String key) {
    Node node = value(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      diagnostics.error(node, "'" + path(key) + "' must be a list, e.g. [a, b], not " + describe(node));
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode s && !item.getTag().equals(Tag.NULL)) {
        items.add(new Item(s.getValue(), item));
      } else {
        diagnostics.error(item, "items of '" + path(key) + "' must be text, not " + describe(item));
      }
    }
    return items;
  }

  /** One of an enum's spellings, with a hint when the text is close to one. */
  <E extends Enum<E> & Spelled> Optional<E> choice(String key, Class<E> type) {
    return text(key).flatMap(text -> {
      Optional<E> value = Spelled.parse(type, text);
      if (value.isEmpty()) {
        diagnostics.error(value(key), "'" + path(key) + "' must be one of " + String.join(", ", Spelled.spellings(type))
            + ", not '" + text + "'" + Suggestions.hint(text, Spelled.spellings(type)));
      }
      return value;
    });
  }

  /** A list of enum spellings. */
  <E extends Enum<E> & Spelled> List<E> choices(String key, Class<E> type) {
    List<E> result = new ArrayList<>();
    for (Item item : list(key)) {
      Optional<E> value = Spelled.parse(type, item.value());
      if (value.isEmpty()) {
        diagnostics.error(item.node(), "'" + item.value() + "' in '" + path(key) + "' must be one of "
            + String.join(", ", Spelled.spellings(type)) + Suggestions.hint(item.value(), Spelled.spellings(type)));
      } else if (result.contains(value.get())) {
        diagnostics.error(item.node(), "'" + item.value() + "' is listed twice in '" + path(key) + "'");
      } else {
        result.add(value.get());
      }
    }
    return result;
  }

  Optional<YamlMap> map(String key) {
    Node node = value(key);
    return node == null ? Optional.empty() : open(node, path(key), diagnostics);
  }

  static Optional<BigInteger> parseInteger(String text) {
    String t = text.replace("_", "");
    try {
      if (HEX.matcher(t).matches()) {
        return Optional.of(new BigInteger(t.replaceFirst("0x", ""), 16));
      }
      return Optional.of(new BigInteger(t));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<BigDecimal> parseNumber(ScalarNode node) {
    if (!node.getTag().equals(Tag.INT) && !node.getTag().equals(Tag.FLOAT)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(node.getValue().replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    String value = node instanceof ScalarNode s ? " '" + s.getValue() + "'" : "";
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "the number" + value;
    }
    if (tag.equals(Tag.BOOL)) {
      return "the boolean" + value;
    }
    if (tag.equals(Tag.NULL)) {
      return "nothing (null)";
    }
    return "the text" + value;
  }
}
