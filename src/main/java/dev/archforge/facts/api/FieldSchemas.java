package dev.archforge.facts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of one field, id or reference: type, format and constraints from the field, the
 * blueprint's defaults where the field is silent, a description that says what the constraints
 * alone cannot (decimal range, personal data, secrets) and an example valid against it all.
 */
public final class FieldSchemas {
  static final int MAX_REFERENCES = 100;
  /** Used when a decimal field reaches here without them; the loader fills in the same values. */
  static final int DEFAULT_PRECISION = 19;
  static final int DEFAULT_SCALE = 2;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final BlueprintDefaults defaults;

  public FieldSchemas(BlueprintDefaults defaults) {
    this.defaults = defaults;
  }

  /** A field as requests send it and responses return it (flags are left to the caller). */
  public PropertyView field(Entity entity, Field f) {
    String type = switch (f.type()) {
      case INTEGER, LONG -> "integer";
      case BOOLEAN -> "boolean";
      case JSON -> "object";
      default -> "string";
    };
    String format = switch (f.type()) {
      case INTEGER -> "int32";
      case LONG -> "int64";
      case DECIMAL -> "decimal";
      case DATE -> "date";
      case DATETIME -> "date-time";
      case UUID -> "uuid";
      case EMAIL -> "email";
      case URL -> "uri";
      case BYTES -> "byte";
      default -> null;
    };
    Integer maxLength = switch (f.type()) {
      case STRING -> orElse(f.maxLength(), defaults.stringMaxLength());
      case TEXT -> orElse(f.maxLength(), defaults.textMaxLength());
      case EMAIL -> orElse(f.maxLength(), Limits.EMAIL_MAX_LENGTH);
      case URL -> orElse(f.maxLength(), Limits.URL_MAX_LENGTH);
      case BYTES -> Limits.base64Length(orElse(f.maxLength(), Limits.BYTES_MAX));
      case UUID -> Limits.UUID_LENGTH;
      case DATE -> Limits.DATE_LENGTH;
      case DATETIME -> Limits.DATE_TIME_MAX_LENGTH;
      case DECIMAL -> Limits.decimalLength(precision(f), scale(f), negativeAllowed(f));
      default -> null;
    };
    String pattern = switch (f.type()) {
      case DECIMAL -> decimalPattern(f);
      case STRING -> f.pattern() != null ? f.pattern() : Limits.SINGLE_LINE;
      case TEXT -> f.pattern() != null ? f.pattern() : Limits.MULTI_LINE;
      default -> f.pattern();
    };
    BigDecimal minimum = switch (f.type()) {
      case INTEGER -> f.min() != null ? f.min() : Limits.INT32_MIN;
      case LONG -> f.min() != null ? f.min() : Limits.INT64_MIN;
      default -> null;
    };
    BigDecimal maximum = switch (f.type()) {
      case INTEGER -> f.max() != null ? f.max() : Limits.INT32_MAX;
      case LONG -> f.max() != null ? f.max() : Limits.INT64_MAX;
      default -> null;
    };
    JsonNode defaultNode = defaultValue(f);
    PropertyView p = new PropertyView(f.name(), type, format, description(entity, f),
        "string".equals(type) ? f.minLength() : null, maxLength, pattern, minimum, maximum,
        f.type() == FieldType.ENUM ? f.values() : List.of(),
        defaultNode == null ? null : Literal.of(defaultNode), null, false, false, false, null, null, false);
    JsonNode example = f.type() == FieldType.DECIMAL && defaultNode == null
        ? ExampleValues.decimal(precision(f), scale(f), f.min(), f.max(), pattern).orElse(null)
        : ExampleValues.of(p, defaultNode).orElse(null);
    return example == null ? p : p.withExample(Literal.of(example));
  }

  /** The example of a field's schema as JSON, or null when none could be made. */
  public static JsonNode exampleOf(PropertyView p) {
    if (p.example() == null) {
      return null;
    }
    if (p.example().quoted()) {
      return NODES.textNode(p.example().text());
    }
    try {
      return YAML.readTree(p.example().text());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("example is not YAML: " + p.example().text(), e);
    }
  }

  /** The read-only id of an entity. */
  public PropertyView id(Entity entity) {
    return idSchema("id", entity.id(), entity.name(), "The " + Naming.prose(entity.name())
        + "'s id, assigned by the service.").withFlags(true, false, false);
  }

  /** A schema holding the id of an entity, e.g. a path parameter or a reference. */
  public PropertyView idSchema(String name, IdType type, String entity, String description) {
    boolean uuid = type == IdType.UUID;
    return new PropertyView(name, uuid ? "string" : "integer", uuid ? "uuid" : "int64", description, null,
        uuid ? Limits.UUID_LENGTH : null, null, uuid ? null : BigDecimal.ONE, uuid ? null : Limits.INT64_MAX,
        List.of(), null, Literal.of(ExampleValues.id(type, entity)), false, false, false, null, null, false);
  }

  /** An array of up to {@value #MAX_REFERENCES} distinct ids of an entity (many-to-many). */
  public PropertyView idArray(String name, IdType type, String entity, String description) {
    PropertyView item = idSchema(name, type, entity, null);
    JsonNode example = NODES.arrayNode().add(ExampleValues.id(type, entity));
    return new PropertyView(name, "array", null, description, null, null, null, null, null, List.of(), null,
        Literal.of(example), false, false, false, item.withExample(null), MAX_REFERENCES, true);
  }

  /** {@code createdAt} or {@code updatedAt}: read-only, set by the service. */
  public PropertyView timestamp(String name, String description) {
    return new PropertyView(name, "string", "date-time", description, null, Limits.DATE_TIME_MAX_LENGTH, null, null,
        null, List.of(), null, Literal.of(NODES.textNode("2024-05-17T09:30:00Z")), true, false, false, null, null,
        false);
  }

  /**
   * The pattern of a decimal written as a string: up to {@code precision - scale} digits before
   * the point and {@code scale} after it; a minus sign only when negative values are allowed.
   */
  public static String decimalPattern(Field f) {
    int scale = scale(f);
    int integerDigits = precision(f) - scale;
    String sign = negativeAllowed(f) ? "-?" : "";
    String whole = integerDigits == 0 ? "0" : "\\d{1," + integerDigits + "}";
    String fraction = scale == 0 ? "" : "(\\.\\d{1," + scale + "})?";
    return "^" + sign + whole + fraction + "$";
  }

  /** Whether a decimal may be below zero: when it has no minimum, or a negative one. */
  public static boolean negativeAllowed(Field f) {
    return f.min() == null || f.min().signum() < 0;
  }

  public static int precision(Field f) {
    return f.precision() == null ? DEFAULT_PRECISION : f.precision();
  }

  public static int scale(Field f) {
    return f.scale() == null ? DEFAULT_SCALE : f.scale();
  }

  /** The default as a typed JSON value, or null when the field has none. */
  public static JsonNode defaultValue(Field f) {
    String v = f.defaultValue();
    if (v == null) {
      return null;
    }
    return switch (f.type()) {
      case INTEGER, LONG -> NODES.numberNode(new BigInteger(v.trim()));
      case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(v.trim()));
      case JSON -> parseJson(v);
      default -> NODES.textNode(v);
    };
  }

  private static JsonNode parseJson(String v) {
    try {
      return JSON.readTree(v);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("default of a json field is not JSON: " + v, e);
    }
  }

  private static String description(Entity entity, Field f) {
    List<String> sentences = new ArrayList<>();
    sentences.add(Sentences.about(entity, f));
    if (f.type() == FieldType.DECIMAL) {
      sentences.add(decimalText(f));
    }
    if (f.unique()) {
      sentences.add(Sentences.unique(entity));
    }
    if (f.pii()) {
      sentences.add(Sentences.PII);
    }
    if (f.secret()) {
      sentences.add("Secret: write-only, accepted in requests and never returned in responses or logged.");
    }
    return String.join(" ", sentences);
  }

  private static String decimalText(Field f) {
    int scale = scale(f);
    int integerDigits = precision(f) - scale;
    StringBuilder sb = new StringBuilder();
    if (scale == 0) {
      sb.append("A whole number written as a string, of up to ").append(integerDigits).append(" digits");
    } else if (integerDigits == 0) {
      sb.append("A decimal number below 1 written as a string: 0, the point and up to ").append(scale)
          .append(" digits");
    } else {
      sb.append("A decimal number written as a string, with up to ").append(integerDigits)
          .append(" digits before the point and up to ").append(scale).append(" after it");
    }
    if (f.min() != null) {
      sb.append("; minimum ").append(f.min().toPlainString());
    }
    if (f.max() != null) {
      sb.append("; maximum ").append(f.max().toPlainString());
    }
    return sb.append('.').toString();
  }

  private static Integer orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
