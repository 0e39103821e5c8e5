package dev.archforge.model;

import java.util.List;

/** One entry of {@code events:}; the name is PascalCase. */
public record Event(String name, String description, List<Field> fields) {
  public Event {
    fields = List.copyOf(fields);
  }
}
