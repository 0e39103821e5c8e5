package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types of one Terraform provider and the arguments and nested blocks of those
 * archforge writes, from {@code infra/schema/<provider>.json} on the class path. Those files are
 * extracted from the provider's prebuilt cdktf bindings (npm {@code @cdktf/provider-aws},
 * {@code -google}, {@code -azurerm}) by {@code src/test/node/provider-schema.mjs}; each names its
 * source.
 */
final class ProviderSchema {
  /** Meta-arguments every resource takes. */
  static final Set<String> META = Set.of("count", "for_each", "depends_on", "lifecycle", "provider", "provisioner",
      "connection");
  /** The providers whose extract ships, by the prefix of their resource types. */
  private static final Map<String, ProviderSchema> SHIPPED = Map.of("aws", load("aws"), "google", load("google"),
      "azurerm", load("azurerm"));

  private final String source;
  private final Set<String> types;
  private final JsonNode resources;

  private ProviderSchema(JsonNode root) {
    this.source = root.path("source").asText();
    this.types = new HashSet<>();
    root.path("resourceTypes").forEach(t -> types.add(t.asText()));
    this.resources = root.path("resources");
  }

  /** The schema of the provider a resource type belongs to ({@code aws_db_instance} → aws), if one ships. */
  static Optional<ProviderSchema> forType(String type) {
    String provider = type.contains("_") ? type.substring(0, type.indexOf('_')) : type;
    return Optional.ofNullable(SHIPPED.get(provider));
  }

  private static ProviderSchema load(String provider) {
    try (InputStream in = ProviderSchema.class.getResourceAsStream("/infra/schema/" + provider + ".json")) {
      if (in == null) {
        throw new IllegalStateException("infra/schema/" + provider + ".json is missing from the class path");
      }
      return new ProviderSchema(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String source() {
    return source;
  }

  boolean hasType(String type) {
    return types.contains(type);
  }

  /** The arguments and blocks of a type archforge writes; empty when the extract does not hold it. */
  Optional<JsonNode> resource(String type) {
    JsonNode node = resources.get(type);
    return Optional.ofNullable(node);
  }
}
