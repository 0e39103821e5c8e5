package dev.archforge.facts.api;

/**
 * An inline parameter.
 *
 * @param location where it goes, OpenAPI's {@code in}: {@code path}, {@code query} or {@code header}
 */
public record ParameterView(String name, String location, String description, boolean required,
    PropertyView schema) {}
