package dev.archforge.facts.api;

/**
 * A security scheme. {@code type} is {@code openIdConnect}, {@code http} or {@code apiKey}; the
 * other values are null unless that type needs them.
 */
public record SchemeView(String name, String type, String description, String openIdConnectUrl, String scheme,
    String bearerFormat, String headerName) {}
