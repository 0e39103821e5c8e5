package dev.archforge.deliverable.openapi;

/** One entry of {@code tags}: a resource and what it is. */
public record TagView(String name, String description) {}
