package dev.archforge.load;

import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Spelled;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one field definition (short form {@code name: type}, or the full mapping) of an entity or event. */
final class FieldReader {
  private static final Pattern ENUM_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  static final int DEFAULT_PRECISION = 19;
  static final int DEFAULT_SCALE = 2;
  private static final List<String> KEYS = List.of("type", "maxLength", "minLength", "pattern", "precision", "scale",
      "values", "required", "unique", "indexed", "default", "min", "max", "description", "pii", "secret", "renamedFrom");
  private static final Set<FieldType> MAX_LENGTH = EnumSet.of(FieldType.STRING, FieldType.TEXT, FieldType.EMAIL,
      FieldType.URL, FieldType.BYTES);
  private static final Set<FieldType> MIN_MAX = EnumSet.of(FieldType.INTEGER, FieldType.LONG, FieldType.DECIMAL);
  private static final Set<FieldType> NOT_INDEXABLE = EnumSet.of(FieldType.JSON, FieldType.BYTES);

  private final Diagnostics diagnostics;

  FieldReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<Field> read(String name, Node node, String where) {
    if (node instanceof ScalarNode scalar && !scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
      return type(scalar.getValue(), node, where).map(type -> shortForm(name, type, node, where));
    }
    Optional<YamlMap> opened = YamlMap.open(node, where, diagnostics);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = opened.get();
    map.allowOnly(KEYS);
    if (!map.has("type")) {
      diagnostics.error(node, "'" + where + ".type' is required (one of " + String.join(", ", Spelled.spellings(FieldType.class)) + ")");
      return Optional.empty();
    }
    Optional<FieldType> type = map.text("type").flatMap(t -> type(t, map.value("type"), where));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(full(name, type.get(), map, node));
  }

  private Field shortForm(String name, FieldType type, Node node, String where) {
    if (type == FieldType.ENUM) {
      diagnostics.error(node, "'" + where + "' is an enum without values: write { type: enum, values: [a, b] }");
    }
    boolean decimal = type == FieldType.DECIMAL;
    return new Field(name, type, null, null, null, decimal ? DEFAULT_PRECISION : null, decimal ? DEFAULT_SCALE : null,
        List.of(), false, false, false, null, null, null, null, false, false);
  }

  private Field full(String name, FieldType type, YamlMap map, Node node) {
    Integer maxLength = onlyFor(map, "maxLength", MAX_LENGTH, type) ? integer(map, "maxLength", 1, 10_485_760) : null;
    Integer minLength = onlyFor(map, "minLength", EnumSet.of(FieldType.STRING, FieldType.TEXT), type)
        ? integer(map, "minLength", 0, 10_485_760) : null;
    if (minLength != null && maxLength != null && minLength > maxLength) {
      diagnostics.error(map.value("minLength"), "'" + map.path("minLength") + "' (" + minLength
          + ") is greater than maxLength (" + maxLength + ")");
    }
    String pattern = onlyFor(map, "pattern", EnumSet.of(FieldType.STRING), type) ? pattern(map) : null;
    Integer precision = null;
    Integer scale = null;
    onlyFor(map, "precision", EnumSet.of(FieldType.DECIMAL), type);
    onlyFor(map, "scale", EnumSet.of(FieldType.DECIMAL), type);
    if (type == FieldType.DECIMAL) {
      precision = Optional.ofNullable(integer(map, "precision", 1, 1000)).orElse(DEFAULT_PRECISION);
      scale = Optional.ofNullable(integer(map, "scale", 0, 1000)).orElse(DEFAULT_SCALE);
      if (scale > precision) {
        Node at = map.has("scale") ? map.value("scale") : map.value("precision");
        diagnostics.error(at, "'" + map.path("scale") + "' (" + scale + ") is greater than precision ("
            + precision + "): a decimal cannot have more digits after the point than in all");
      }
    }
    List<String> values = values(map, type, node);
    BigDecimal min = onlyFor(map, "min", MIN_MAX, type) ? map.number("min").orElse(null) : null;
    BigDecimal max = onlyFor(map, "max", MIN_MAX, type) ? map.number("max").orElse(null) : null;
    if (min != null && max != null && min.compareTo(max) > 0) {
      diagnostics.error(map.value("min"), "'" + map.path("min") + "' (" + min.toPlainString()
          + ") is greater than max (" + max.toPlainString() + ")");
    }
    boolean unique = map.flag("unique").orElse(false);
    boolean indexed = map.flag("indexed").orElse(false);
    if ((unique || indexed) && NOT_INDEXABLE.contains(type)) {
      Node at = map.has("unique") ? map.value("unique") : map.value("indexed");
      diagnostics.error(at, "a " + type + " field cannot be unique or indexed");
    }
    var constraints = new DefaultValues.Constraints(type, maxLength, minLength, pattern, precision, scale, values, min, max);
    String defaultValue = map.has("default")
        ? new DefaultValues(diagnostics).check(map.value("default"), map.path("default"), constraints).orElse(null)
        : null;
    return new Field(name, type, maxLength, minLength, pattern, precision, scale, values,
        map.flag("required").orElse(false), unique, indexed, defaultValue, min, max,
        map.text("description").orElse(null), map.flag("pii").orElse(false), map.flag("secret").orElse(false),
        renamedFrom(map));
  }

  /** The former name of an entity's field: a valid field name other than its own; events have no history. */
  private String renamedFrom(YamlMap map) {
    if (!map.has("renamedFrom")) {
      return null;
    }
    Node at = map.value("renamedFrom");
    if (!map.where().startsWith("entities.")) {
      diagnostics.error(map.keyNode("renamedFrom"), "'renamedFrom' applies to the fields of entities only"
          + " (an event's payload has no stored history)");
      return null;
    }
    return map.text("renamedFrom").filter(old -> Names.FIELD.check(old, at, "renamedFrom", diagnostics)).orElse(null);
  }

  private Optional<FieldType> type(String text, Node node, String where) {
    Optional<FieldType> type = Spelled.parse(FieldType.class, text);
    if (type.isEmpty()) {
      diagnostics.error(node, "unknown type '" + text + "' for '" + where + "'"
          + Suggestions.hint(text, Spelled.spellings(FieldType.class))
          + " (types: " + String.join(", ", Spelled.spellings(FieldType.class)) + ")");
    }
    return type;
  }

  private boolean onlyFor(YamlMap map, String key, Set<FieldType> types, FieldType type) {
    if (map.has(key) && !types.contains(type)) {
      diagnostics.error(map.keyNode(key), "'" + key + "' does not apply to " + type + " fields (only to "
          + String.join(", ", types.stream().map(FieldType::spelling).toList()) + ")");
      return false;
    }
    return true;
  }

  private Integer integer(YamlMap map, String key, long min, long max) {
    return map.whole(key, min, max).map(Long::intValue).orElse(null);
  }

  private String pattern(YamlMap map) {
    Optional<String> text = map.text("pattern");
    if (text.isEmpty()) {
      return null;
    }
    try {
      Pattern.compile(text.get());
      return text.get();
    } catch (PatternSyntaxException e) {
      diagnostics.error(map.value("pattern"), "'" + map.path("pattern") + "' is not a valid regular expression: "
          + e.getDescription());
      return null;
    }
  }

  private List<String> values(YamlMap map, FieldType type, Node node) {
    if (type != FieldType.ENUM) {
      onlyFor(map, "values", EnumSet.of(FieldType.ENUM), type);
      return List.of();
    }
    List<YamlMap.Item> items = map.list("values");
    if (items.isEmpty()) {
      Node at = map.has("values") ? map.value("values") : node;
      diagnostics.error(at, "'" + map.where() + "' is an enum without values: add values: [a, b]");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap.Item item : items) {
      if (!ENUM_VALUE.matcher(item.value()).matches()) {
        diagnostics.error(item.node(), "enum value '" + item.value()
            + "' must be 1 to 63 letters, digits, '_', '.' or '-', starting with a letter or digit");
      } else if (!seen.add(item.value())) {
        diagnostics.error(item.node(), "enum value '" + item.value() + "' is listed twice");
      } else {
        values.add(item.value());
      }
    }
    return values;
  }
}
