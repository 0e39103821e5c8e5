package dev.archforge.load;

import dev.archforge.model.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Checks a field's {@code default} against its type and constraints; keeps it as text. */
final class DefaultValues {
  record Constraints(FieldType type, Integer maxLength, Integer minLength, String pattern, Integer precision,
      Integer scale, List<String> values, BigDecimal min, BigDecimal max) {}

  private final Diagnostics diagnostics;

  DefaultValues(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<String> check(Node node, String where, Constraints c) {
    if (!(node instanceof ScalarNode scalar)) {
      return fail(node, where, "must be a single value, not " + YamlMap.describe(node));
    }
    String text = scalar.getValue();
    Tag tag = node.getTag();
    return switch (c.type()) {
      case INTEGER, LONG -> wholeNumber(node, where, text, tag, c);
      case DECIMAL -> decimal(node, where, scalar, c);
      case BOOLEAN -> tag.equals(Tag.BOOL) ? Optional.of(String.valueOf(List.of("true", "yes", "on", "y")
          .contains(text.toLowerCase()))) : fail(node, where, "must be true or false for a boolean field");
      case ENUM -> c.values().contains(text) ? Optional.of(text)
          : fail(node, where, "'" + text + "' is not one of the values " + c.values() + Suggestions.hint(text, c.values()));
      case DATE -> parses(node, where, text, "a date like 2025-01-31", () -> LocalDate.parse(text));
      case DATETIME -> parses(node, where, text, "a date-time like 2025-01-31T12:00:00Z", () -> OffsetDateTime.parse(text));
      case UUID -> parses(node, where, text, "a UUID", () -> UUID.fromString(text));
      case STRING, TEXT, EMAIL, URL -> text(node, where, text, c);
      case JSON, BYTES -> fail(node, where, "a " + c.type() + " field cannot have a default");
    };
  }

  private Optional<String> wholeNumber(Node node, String where, String text, Tag tag, Constraints c) {
    if (!tag.equals(Tag.INT)) {
      return fail(node, where, "must be a whole number for a " + c.type() + " field");
    }
    return YamlMap.parseInteger(text).map(BigDecimal::new).flatMap(v -> inRange(node, where, v, c));
  }

  private Optional<String> decimal(Node node, String where, ScalarNode scalar, Constraints c) {
    Optional<BigDecimal> value = YamlMap.parseNumber(scalar);
    if (value.isEmpty()) {
      return fail(node, where, "must be a number for a decimal field");
    }
    BigDecimal v = value.get().stripTrailingZeros();
    if (Math.max(v.scale(), 0) > c.scale() || v.precision() - v.scale() > c.precision() - c.scale()) {
      return fail(node, where, v.toPlainString() + " does not fit decimal(" + c.precision() + ", " + c.scale() + ")");
    }
    return inRange(node, where, value.get(), c);
  }

  private Optional<String> inRange(Node node, String where, BigDecimal v, Constraints c) {
    if (c.min() != null && v.compareTo(c.min()) < 0 || c.max() != null && v.compareTo(c.max()) > 0) {
      return fail(node, where, v.toPlainString() + " is outside min/max");
    }
    return Optional.of(v.toPlainString());
  }

  private Optional<String> text(Node node, String where, String text, Constraints c) {
    Optional<Integer> control = text.chars().filter(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r'
        || ch >= 0x7f && ch <= 0x9f).boxed().findFirst();
    if (control.isPresent()) {
      return fail(node, where, String.format("holds the control character U+%04X; a default is stored data:"
          + " write it without control characters", control.get()));
    }
    if (c.maxLength() != null && text.length() > c.maxLength()) {
      return fail(node, where, "is longer than maxLength " + c.maxLength());
    }
    if (c.minLength() != null && text.length() < c.minLength()) {
      return fail(node, where, "is shorter than minLength " + c.minLength());
    }
    if (c.pattern() != null && !text.matches(c.pattern())) {
      return fail(node, where, "does not match the pattern " + c.pattern());
    }
    return Optional.of(text);
  }

  private Optional<String> parses(Node node, String where, String text, String expected, Runnable parse) {
    try {
      parse.run();
      return Optional.of(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return fail(node, where, "'" + text + "' is not " + expected);
    }
  }

  private Optional<String> fail(Node node, String where, String message) {
    diagnostics.error(node, "'" + where + "' " + message);
    return Optional.empty();
  }
}
