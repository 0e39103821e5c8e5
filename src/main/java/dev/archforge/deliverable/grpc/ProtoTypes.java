package dev.archforge.deliverable.grpc;

import dev.archforge.deliverable.Naming;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The proto type of each field type, the comment of each field and the well-known types one file
 * imports. Decimals, dates, UUIDs, e-mail addresses and URLs are strings whose comment states the
 * format (google.type.Decimal and google.type.Date would need googleapis as a dependency);
 * datetimes are {@code google.protobuf.Timestamp}, JSON is {@code google.protobuf.Value}.
 */
final class ProtoTypes {
  static final String TIMESTAMP = "google/protobuf/timestamp.proto";
  static final String FIELD_MASK = "google/protobuf/field_mask.proto";
  static final String STRUCT = "google/protobuf/struct.proto";
  static final int DEFAULT_PRECISION = 19;
  static final int DEFAULT_SCALE = 2;

  private final BlueprintDefaults defaults;
  private final Set<String> imports = new TreeSet<>();

  ProtoTypes(BlueprintDefaults defaults) {
    this.defaults = defaults;
  }

  /** The type of a field; {@code enumName} for enums. */
  String type(Field f, String enumName) {
    return switch (f.type()) {
      case STRING, TEXT, DECIMAL, DATE, UUID, EMAIL, URL -> "string";
      case INTEGER -> "int32";
      case LONG -> "int64";
      case BOOLEAN -> "bool";
      case BYTES -> "bytes";
      case ENUM -> enumName;
      case DATETIME -> timestamp();
      case JSON -> use(STRUCT, "google.protobuf.Value");
    };
  }

  /** {@code optional} for a scalar that may be absent, so that absent and zero differ; null otherwise. */
  static String label(Field f) {
    boolean presence = f.type() == FieldType.ENUM || f.type() == FieldType.DATETIME || f.type() == FieldType.JSON;
    return f.required() || presence ? null : "optional";
  }

  String timestamp() {
    return use(TIMESTAMP, "google.protobuf.Timestamp");
  }

  String fieldMask() {
    return use(FIELD_MASK, "google.protobuf.FieldMask");
  }

  /** The imports used so far, sorted. */
  List<String> imports() {
    return List.copyOf(imports);
  }

  /** The comment of a field: the requirements' text, then its format and constraints. */
  List<String> comment(Entity entity, Field f) {
    List<String> sentences = new ArrayList<>();
    sentences.add(f.description() != null && !f.description().isBlank() ? sentence(f.description())
        : sentence(capitalized(Naming.prose(f.name())) + " of the " + Naming.prose(entity.name())));
    String format = format(f);
    if (!format.isEmpty()) {
      sentences.add(format);
    }
    if (f.required()) {
      sentences.add("Required.");
    }
    if (f.defaultValue() != null) {
      sentences.add("Default when not set: " + f.defaultValue() + ".");
    }
    if (f.unique()) {
      sentences.add("Unique among all " + Naming.prose(Naming.plural(entity.name())) + ".");
    }
    if (f.pii()) {
      sentences.add("Personal data (PII): processed under the data-protection policy and never written to logs.");
    }
    if (f.secret()) {
      sentences.add("Secret, input only: accepted in create and update requests, never returned (responses leave "
          + "it unset) and never logged.");
    }
    return Comment.lines(String.join(" ", sentences));
  }

  private String format(Field f) {
    return switch (f.type()) {
      case STRING, TEXT -> {
        int max = f.maxLength() != null ? f.maxLength()
            : f.type() == FieldType.TEXT ? defaults.textMaxLength() : defaults.stringMaxLength();
        String length = f.minLength() != null ? "From " + f.minLength() + " to " + max + " characters."
            : "At most " + max + " characters.";
        yield f.pattern() == null ? length : length + " Matches the regular expression `" + f.pattern() + "`.";
      }
      case INTEGER, LONG -> range(f);
      case DECIMAL -> decimal(f);
      case DATE -> "A calendar date as YYYY-MM-DD (RFC 3339 full-date), such as 2024-05-17.";
      case UUID -> "A UUID in its 36-character text form.";
      case EMAIL -> "An e-mail address (RFC 5322 addr-spec) of at most 254 characters.";
      case URL -> "An absolute URI (RFC 3986) of at most 2048 characters.";
      case JSON -> "Any JSON value.";
      default -> "";
    };
  }

  private static String range(Field f) {
    if (f.min() != null && f.max() != null) {
      return "From " + f.min().toPlainString() + " to " + f.max().toPlainString() + ".";
    }
    if (f.min() != null) {
      return "At least " + f.min().toPlainString() + ".";
    }
    return f.max() == null ? "" : "At most " + f.max().toPlainString() + ".";
  }

  private static String decimal(Field f) {
    int scale = f.scale() == null ? DEFAULT_SCALE : f.scale();
    int integerDigits = (f.precision() == null ? DEFAULT_PRECISION : f.precision()) - scale;
    String digits;
    if (scale == 0) {
      digits = "A whole number written as a string of up to " + integerDigits + " digits.";
    } else if (integerDigits == 0) {
      digits = "A decimal number below 1 written as a string: 0, the point and up to " + scale + " digits.";
    } else {
      digits = "A decimal number written as a string, such as \"12.50\": up to " + integerDigits
          + " digits before the point and " + scale + " after it.";
    }
    String range = range(f);
    return range.isEmpty() ? digits : digits + " " + range;
  }

  private String use(String file, String type) {
    imports.add(file);
    return type;
  }

  static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
