package dev.archforge.facts.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The schema of one property or parameter. Constraints that do not apply are null (or false, or
 * empty); {@code items} is set for arrays only.
 *
 * @param name the property name
 * @param type the JSON type: string, integer, boolean, object or array
 * @param format the OpenAPI format, or null
 * @param enumValues allowed values; when {@code nullable} the template adds null to them
 * @param example a value valid against this schema, or null (no example: secrets in responses)
 */
public record PropertyView(
    String name,
    String type,
    String format,
    String description,
    Integer minLength,
    Integer maxLength,
    String pattern,
    BigDecimal minimum,
    BigDecimal maximum,
    List<String> enumValues,
    Literal defaultValue,
    Literal example,
    boolean readOnly,
    boolean writeOnly,
    boolean nullable,
    PropertyView items,
    Integer maxItems,
    boolean uniqueItems) {

  public PropertyView {
    enumValues = List.copyOf(enumValues);
  }

  public PropertyView withDescription(String text) {
    return new PropertyView(name, type, format, text, minLength, maxLength, pattern, minimum, maximum,
        enumValues, defaultValue, example, readOnly, writeOnly, nullable, items, maxItems, uniqueItems);
  }

  public PropertyView withExample(Literal value) {
    return new PropertyView(name, type, format, description, minLength, maxLength, pattern, minimum, maximum,
        enumValues, defaultValue, value, readOnly, writeOnly, nullable, items, maxItems, uniqueItems);
  }

  /** Read-only, write-only and nullable flags replaced. */
  public PropertyView withFlags(boolean ro, boolean wo, boolean canBeNull) {
    return new PropertyView(name, type, format, description, minLength, maxLength, pattern, minimum, maximum,
        enumValues, defaultValue, example, ro, wo, canBeNull, items, maxItems, uniqueItems);
  }

  /** Without default and example: for filters, where a default would filter silently. */
  public PropertyView withoutDefault() {
    return new PropertyView(name, type, format, description, minLength, maxLength, pattern, minimum, maximum,
        enumValues, null, example, readOnly, writeOnly, nullable, items, maxItems, uniqueItems);
  }
}
