package dev.archforge.deliverable.graphql;

/**
 * A custom scalar.
 *
 * @param specifiedBy the URL of its specification for {@code @specifiedBy}, or null when none exists
 */
public record ScalarView(Doc doc, String name, String specifiedBy) {}
