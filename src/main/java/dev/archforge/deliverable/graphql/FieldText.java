package dev.archforge.deliverable.graphql;

import dev.archforge.deliverable.Naming;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * The descriptions of fields and relations: the requirements' text or a plain default, then what
 * the GraphQL type alone cannot say (lengths, pattern, range, digits, uniqueness, personal data,
 * secrets). Constraints the file leaves out come from the blueprint's defaults, as in the OpenAPI
 * contracts.
 */
final class FieldText {
  static final int DEFAULT_PRECISION = 19;
  static final int DEFAULT_SCALE = 2;

  private final BlueprintDefaults defaults;

  FieldText(BlueprintDefaults defaults) {
    this.defaults = defaults;
  }

  /** A field as objects return it and inputs accept it. */
  String field(Entity entity, Field f) {
    List<String> sentences = new ArrayList<>();
    sentences.add(f.description() != null && !f.description().isBlank() ? sentence(f.description())
        : sentence(capitalized(Naming.prose(f.name())) + " of the " + Naming.prose(entity.name())));
    String constraints = constraints(f);
    if (!constraints.isEmpty()) {
      sentences.add(constraints);
    }
    if (f.type() == FieldType.UUID && f.name().endsWith("Id")) {
      sentences.add("A UUID.");
    }
    if (f.unique()) {
      sentences.add("Unique among all " + Naming.prose(Naming.plural(entity.name())) + ".");
    }
    if (f.pii()) {
      sentences.add("Personal data (PII): processed under the data-protection policy and never written to logs.");
    }
    if (f.secret()) {
      sentences.add("Secret: write-only, accepted in inputs and never returned or logged.");
    }
    return String.join(" ", sentences);
  }

  /** An input field: the field's text and its default. */
  String input(Entity entity, Field f) {
    return field(entity, f) + (f.defaultValue() == null ? "" : " Default: " + f.defaultValue() + ".");
  }

  /** A relation as an object field or a reference in an input. */
  String relation(Relation r, String what) {
    String about = r.description() != null && !r.description().isBlank() ? sentence(r.description()) + " " : "";
    return about + what;
  }

  private String constraints(Field f) {
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
      digits = "A whole number of up to " + integerDigits + " digits.";
    } else if (integerDigits == 0) {
      digits = "Below 1: 0, the point and up to " + scale + " digits.";
    } else {
      digits = "Up to " + integerDigits + " digits before the point and " + scale + " after it.";
    }
    String range = range(f);
    return range.isEmpty() ? digits : digits + " " + range;
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
