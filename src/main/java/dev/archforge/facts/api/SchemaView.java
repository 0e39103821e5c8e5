package dev.archforge.facts.api;

import java.util.List;

/**
 * An object schema under {@code components/schemas}.
 *
 * @param closed whether it has {@code additionalProperties: false} (request bodies)
 */
public record SchemaView(String name, String description, List<PropertyView> properties, List<String> required,
    boolean closed) {
  public SchemaView {
    properties = List.copyOf(properties);
    required = List.copyOf(required);
  }
}
