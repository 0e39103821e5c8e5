package dev.archforge.deliverable.grpc;

import dev.archforge.facts.Sentences;
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
    sentences.add(Sentences.about(entity, f));
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
      sentences.add(Sentences.unique(entity));
    }
    if (f.pii()) {
      sentences.add(Sentences.PII);
    }
    if (f.secret()) {
      sentences.add("Secret, input only: accepted in create and update requests, never returned (responses leave "
          + "it unset) and never logged.");
    }
    return Comment.lines(String.join(" ", sentences));
  }

  private String format(Field f) {
    return switch (f.type()) {
      case STRING, TEXT -> Sentences.length(f, defaults);
      case INTEGER, LONG -> Sentences.range(f);
      case DECIMAL -> decimal(f);
      case DATE -> "A calendar date as YYYY-MM-DD (RFC 3339 full-date), such as 2024-05-17.";
      case UUID -> "A UUID in its 36-character text form.";
      case EMAIL -> "An e-mail address (RFC 5322 addr-spec) of at most 254 characters.";
      case URL -> "An absolute URI (RFC 3986) of at most 2048 characters.";
      case JSON -> "Any JSON value.";
      default -> "";
    };
  }

  private static String decimal(Field f) {
    int scale = Sentences.scale(f);
    int integerDigits = Sentences.integerDigits(f);
    String digits;
    if (scale == 0) {
      digits = "A whole number written as a string of up to " + integerDigits + " digits.";
    } else if (integerDigits == 0) {
      digits = "A decimal number below 1 written as a string: 0, the point and up to " + scale + " digits.";
    } else {
      digits = "A decimal number written as a string, such as \"12.50\": up to " + integerDigits
          + " digits before the point and " + scale + " after it.";
    }
    String range = Sentences.range(f);
    return range.isEmpty() ? digits : digits + " " + range;
  }

  private String use(String file, String type) {
    imports.add(file);
    return type;
  }
}
