package dev.archforge.facts.api;

/** A required request body of one media type and one component schema. */
public record RequestBodyView(String description, String contentType, String schema) {}
