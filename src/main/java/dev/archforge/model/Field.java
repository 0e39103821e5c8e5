package dev.archforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A field of an entity or an event. Constraints the file did not give are null (numbers, texts)
 * or false (flags). {@code defaultValue} is kept as written, already checked against the type.
 * {@code renamedFrom} is the field's former name when the file says it was renamed, else null.
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
    boolean secret,
    @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom) {

  public Field {
    values = List.copyOf(values);
  }

  /** A field that was not renamed. */
  public Field(String name, FieldType type, Integer maxLength, Integer minLength, String pattern, Integer precision,
      Integer scale, List<String> values, boolean required, boolean unique, boolean indexed, String defaultValue,
      BigDecimal min, BigDecimal max, String description, boolean pii, boolean secret) {
    this(name, type, maxLength, minLength, pattern, precision, scale, values, required, unique, indexed, defaultValue,
        min, max, description, pii, secret, null);
  }
}
