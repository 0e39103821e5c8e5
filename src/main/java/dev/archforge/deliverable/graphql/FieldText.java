package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Sentences;
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
  private final BlueprintDefaults defaults;

  FieldText(BlueprintDefaults defaults) {
    this.defaults = defaults;
  }

  /** A field as objects return it and inputs accept it. */
  String field(Entity entity, Field f) {
    List<String> sentences = new ArrayList<>();
    sentences.add(Sentences.about(entity, f));
    String constraints = constraints(f);
    if (!constraints.isEmpty()) {
      sentences.add(constraints);
    }
    if (f.type() == FieldType.UUID && f.name().endsWith("Id")) {
      sentences.add("A UUID.");
    }
    if (f.unique()) {
      sentences.add(Sentences.unique(entity));
    }
    if (f.pii()) {
      sentences.add(Sentences.PII);
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
    String about = r.description() != null && !r.description().isBlank()
        ? Sentences.sentence(r.description()) + " " : "";
    return about + what;
  }

  private String constraints(Field f) {
    return switch (f.type()) {
      case STRING, TEXT -> Sentences.length(f, defaults);
      case INTEGER, LONG -> Sentences.range(f);
      case DECIMAL -> decimal(f);
      default -> "";
    };
  }

  private static String decimal(Field f) {
    int scale = Sentences.scale(f);
    int integerDigits = Sentences.integerDigits(f);
    String digits;
    if (scale == 0) {
      digits = "A whole number of up to " + integerDigits + " digits.";
    } else if (integerDigits == 0) {
      digits = "Below 1: 0, the point and up to " + scale + " digits.";
    } else {
      digits = "Up to " + integerDigits + " digits before the point and " + scale + " after it.";
    }
    String range = Sentences.range(f);
    return range.isEmpty() ? digits : digits + " " + range;
  }
}
