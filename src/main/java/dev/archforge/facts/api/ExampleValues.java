package dev.archforge.facts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.facts.Naming;
import dev.archforge.model.IdType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Example values that are valid against the schema they illustrate: within maxLength and
 * minLength, one of the enum values, between minimum and maximum, matching the pattern, in the
 * format's syntax. Deterministic: the same property gives the same example on every run, and a
 * reference to an entity shows the same id as the entity's own example.
 */
final class ExampleValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigDecimal DECIMAL_TARGET = new BigDecimal("19.99");

  private ExampleValues() {}

  /** The example id of an entity, also used wherever another schema refers to that entity. */
  static JsonNode id(IdType type, String entity) {
    return type == IdType.UUID ? NODES.textNode(uuid(entity)) : NODES.numberNode(longId(entity));
  }

  /** A stable name-based UUID for a seed. */
  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(("archforge:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static long longId(String entity) {
    return 1000 + Math.floorMod(entity.hashCode(), 9000);
  }

  /**
   * An example for a property schema, or empty when none can satisfy its constraints. A default
   * value, when given, is the example.
   */
  static Optional<JsonNode> of(PropertyView p, JsonNode defaultValue) {
    if (defaultValue != null && !defaultValue.isNull()) {
      return Optional.of(defaultValue);
    }
    return switch (p.type()) {
      case "boolean" -> Optional.of(NODES.booleanNode(true));
      case "integer" -> integer(p.minimum(), p.maximum()).map(NODES::numberNode);
      case "object" -> Optional.of(object());
      case "array" -> p.items() == null ? Optional.empty()
          : of(p.items(), null).map(item -> NODES.arrayNode().add(item));
      default -> string(p).map(NODES::textNode);
    };
  }

  /**
   * A decimal written as a string, with {@code scale} places after the point, at most
   * {@code precision} digits, within {@code min..max}, matching {@code pattern}.
   */
  static Optional<JsonNode> decimal(int precision, int scale, BigDecimal min, BigDecimal max, String pattern) {
    BigDecimal largest = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
    BigDecimal value = DECIMAL_TARGET.min(largest).setScale(scale, RoundingMode.DOWN);
    if (min != null && value.compareTo(min) < 0) {
      value = min.setScale(scale, RoundingMode.CEILING);
    }
    if (max != null && value.compareTo(max) > 0) {
      value = max.setScale(scale, RoundingMode.FLOOR);
    }
    if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
      return Optional.empty();
    }
    String text = value.toPlainString();
    return Pattern.compile(pattern).matcher(text).find() ? Optional.of(NODES.textNode(text)) : Optional.empty();
  }

  /** The integer nearest to 1 within the bounds. */
  private static Optional<BigInteger> integer(BigDecimal min, BigDecimal max) {
    BigDecimal value = BigDecimal.ONE;
    if (min != null && value.compareTo(min) < 0) {
      value = min.setScale(0, RoundingMode.CEILING);
    }
    if (max != null && value.compareTo(max) > 0) {
      value = max.setScale(0, RoundingMode.FLOOR);
    }
    if (min != null && value.compareTo(min) < 0) {
      return Optional.empty();
    }
    return Optional.of(value.toBigIntegerExact());
  }

  private static ObjectNode object() {
    ObjectNode node = NODES.objectNode();
    node.put("key", "value");
    return node;
  }

  private static Optional<String> string(PropertyView p) {
    int min = p.minLength() == null ? 0 : p.minLength();
    int max = p.maxLength() == null ? Integer.MAX_VALUE : p.maxLength();
    if (!p.enumValues().isEmpty()) {
      return Optional.of(p.enumValues().get(0));
    }
    Optional<String> plain = plain(p, min, max);
    if (p.pattern() == null) {
      return plain;
    }
    // A pattern that only keeps control characters out accepts the plain example; others need one made to match.
    return plain.filter(s -> matches(p.pattern(), s)).or(() -> PatternExample.of(p.pattern(), min, max));
  }

  private static boolean matches(String regex, String s) {
    try {
      return Pattern.compile(regex).matcher(s).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** The example of the format, or a few words from the name, ignoring any pattern. */
  private static Optional<String> plain(PropertyView p, int min, int max) {
    String format = p.format() == null ? "" : p.format();
    return switch (format) {
      case "uuid" -> Optional.of(uuid(seed(p.name())));
      case "date" -> Optional.of("2024-05-17");
      case "date-time" -> Optional.of("2024-05-17T09:30:00Z");
      case "byte" -> Optional.of("ZXhhbXBsZQ==").filter(s -> s.length() >= min && s.length() <= max);
      case "email" -> padded("jane.doe", "@example.com", min, max);
      case "uri" -> padded("https://example.com/" + Naming.kebab(p.name()), "", min, max);
      default -> padded("Example " + Naming.prose(p.name()), "", min, max);
    };
  }

  /** {@code head + tail}, {@code head} cut or padded with 'x' to fit the lengths. */
  private static Optional<String> padded(String head, String tail, int min, int max) {
    StringBuilder sb = new StringBuilder(head);
    while (sb.length() + tail.length() < min) {
      sb.append('x');
    }
    int room = max - tail.length();
    if (room < 1) {
      return Optional.empty();
    }
    if (sb.length() > room) {
      sb.setLength(room);
      if (" .-/".indexOf(sb.charAt(sb.length() - 1)) >= 0) {
        sb.setCharAt(sb.length() - 1, 'x');
      }
    }
    String s = sb.append(tail).toString();
    return s.length() >= min && s.length() <= max ? Optional.of(s) : Optional.empty();
  }

  /** {@code productId} → {@code Product}, so a plain id field shows the entity's example id. */
  private static String seed(String name) {
    return name.endsWith("Id") && name.length() > 2 ? Naming.pascal(name.substring(0, name.length() - 2)) : name;
  }
}
