package dev.archforge.deliverable.graphql;

import dev.archforge.model.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The GraphQL type of each field type, and the custom scalars one schema uses. Scalars with a
 * published specification carry {@code @specifiedBy}; Decimal and Long have none and say their
 * format in their description.
 */
final class Scalars {
  enum Custom {
    DATE_TIME("DateTime", "An instant as an RFC 3339 date-time string with an offset, such as "
        + "2024-05-17T09:30:00Z. The service returns UTC.", "https://scalars.graphql.org/andimarek/date-time.html"),
    DATE("Date", "A calendar date as an RFC 3339 full-date string (YYYY-MM-DD), such as 2024-05-17.",
        "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"),
    DECIMAL("Decimal", "A decimal number written as a string, such as \"12.50\", so that no precision is lost. "
        + "Each field states how many digits it allows.", null),
    LONG("Long", "A signed 64-bit whole number written as a string of digits, such as \"9007199254740993\", "
        + "because JSON numbers lose precision above 2^53.", null),
    UUID("UUID", "A UUID in its 36-character text form, such as 3f2b8c1e-9d4a-4b7e-8f21-6c5d0a9e7b13.",
        "https://www.rfc-editor.org/rfc/rfc9562"),
    EMAIL("Email", "An e-mail address (an RFC 5322 addr-spec), such as ada@example.com; at most 254 characters.",
        "https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1"),
    URL("URL", "An absolute URI (RFC 3986), such as https://example.com/a; at most 2048 characters.",
        "https://www.rfc-editor.org/rfc/rfc3986"),
    JSON("JSON", "Any JSON value (RFC 8259): an object, array, string, number, boolean or null.",
        "https://www.rfc-editor.org/rfc/rfc8259"),
    BASE64("Base64", "Binary data as a base64 string (RFC 4648, section 4, with padding).",
        "https://www.rfc-editor.org/rfc/rfc4648#section-4");

    final String graphqlName;
    final String description;
    final String specifiedBy;

    Custom(String graphqlName, String description, String specifiedBy) {
      this.graphqlName = graphqlName;
      this.description = description;
      this.specifiedBy = specifiedBy;
    }
  }

  private final Set<Custom> used = EnumSet.noneOf(Custom.class);

  /**
   * The named type of a field, without {@code !}: a built-in or custom scalar, or {@code enumName}.
   * A uuid field named {@code ...Id} refers to an entity of another service and is an {@code ID}.
   */
  String of(Field f, String enumName) {
    return switch (f.type()) {
      case STRING, TEXT -> "String";
      case INTEGER -> "Int";
      case BOOLEAN -> "Boolean";
      case ENUM -> enumName;
      case UUID -> f.name().endsWith("Id") ? "ID" : use(Custom.UUID);
      case LONG -> use(Custom.LONG);
      case DECIMAL -> use(Custom.DECIMAL);
      case DATE -> use(Custom.DATE);
      case DATETIME -> use(Custom.DATE_TIME);
      case EMAIL -> use(Custom.EMAIL);
      case URL -> use(Custom.URL);
      case JSON -> use(Custom.JSON);
      case BYTES -> use(Custom.BASE64);
    };
  }

  /** {@code DateTime}, marked as used. */
  String dateTime() {
    return use(Custom.DATE_TIME);
  }

  /** The custom scalars used so far, in a fixed order. */
  List<ScalarView> views() {
    List<ScalarView> views = new ArrayList<>();
    for (Custom c : used) {
      views.add(new ScalarView(Doc.of(c.description), c.graphqlName, c.specifiedBy));
    }
    return views;
  }

  private String use(Custom c) {
    used.add(c);
    return c.graphqlName;
  }
}
