package dev.archforge.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A field of an entity or an event. Constraints the file did not give are null (numbers, texts)
 * or false (flags). {@code defaultValue} is kept as written, already checked against the type.
 */
public record Field(
    String name,
    FieldType type,
    Integer maxLength,
    Integer minLength,
    String pattern,
    Integer precision,
    Integer scale,
    List<String> values,
    boolean required,
    boolean unique,
    boolean indexed,
    String defaultValue,
    BigDecimal min,
    BigDecimal max,
    String description,
    boolean pii,
    boolean secret) {

  public Field {
    values = List.copyOf(values);
  }
}
