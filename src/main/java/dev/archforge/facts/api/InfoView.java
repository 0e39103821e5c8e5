package dev.archforge.facts.api;

/** The OpenAPI {@code info} object: no field is null. */
public record InfoView(String title, String description, String version, String contactName, String licenseName) {}
