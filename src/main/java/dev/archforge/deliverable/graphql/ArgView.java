package dev.archforge.deliverable.graphql;

/**
 * An argument of a field.
 *
 * @param defaultValue a GraphQL literal, or null
 */
public record ArgView(Doc doc, String name, String type, String defaultValue) {}
