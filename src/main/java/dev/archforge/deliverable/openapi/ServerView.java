package dev.archforge.deliverable.openapi;

/** One entry of {@code servers}. */
public record ServerView(String url, String description) {}
