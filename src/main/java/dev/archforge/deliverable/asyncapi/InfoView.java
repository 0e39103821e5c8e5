package dev.archforge.deliverable.asyncapi;

/** The info object; {@code description} is Markdown. */
public record InfoView(String title, String version, String description, String contactName, String licenseName) {}
