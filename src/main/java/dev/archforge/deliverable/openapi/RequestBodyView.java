package dev.archforge.deliverable.openapi;

/** A required request body of one media type and one component schema. */
public record RequestBodyView(String description, String contentType, String schema) {}
