package dev.archforge.facts.api;

/** One entry of {@code tags}: a resource and what it is. */
public record TagView(String name, String description) {}
