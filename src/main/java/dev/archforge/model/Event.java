package dev.archforge.model;

import java.util.List;

/**
 * One entry of {@code events:}; the name is PascalCase.
 *
 * @param ratePerSecond the peak rate the file states ({@code events.<Name>.ratePerSecond}), or null
 *     when the capacity arithmetic derives it
 */
public record Event(String name, String description, List<Field> fields, Double ratePerSecond) {
  public Event {
    fields = List.copyOf(fields);
  }

  /** An event whose rate is derived. */
  public Event(String name, String description, List<Field> fields) {
    this(name, description, fields, null);
  }
}
