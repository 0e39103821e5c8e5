package dev.archforge.deliverable.asyncapi;

import java.util.List;

/**
 * One broker endpoint under {@code servers}.
 *
 * @param id the key under {@code servers}
 * @param host host and port, possibly with {@code {variable}}s defined in {@code variables}
 * @param protocol the AsyncAPI protocol name, e.g. {@code kafka-secure}
 * @param protocolVersion the protocol's version, or null
 * @param securityScheme the name of the scheme under {@code components/securitySchemes}, or null
 * @param schemaRegistryUrl Kafka only: the schema registry, or null
 */
public record ServerView(
    String id,
    String host,
    String protocol,
    String protocolVersion,
    String title,
    String description,
    List<VariableView> variables,
    String securityScheme,
    String schemaRegistryUrl) {

  public ServerView {
    variables = List.copyOf(variables);
  }

  /** A server variable used in the host. */
  public record VariableView(String name, String defaultValue, String description, List<String> allowed) {
    public VariableView {
      allowed = List.copyOf(allowed);
    }
  }
}
