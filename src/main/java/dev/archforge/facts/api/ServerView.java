package dev.archforge.facts.api;

/**
 * One entry of {@code servers}.
 *
 * @param internal whether only other services call it ({@code x-internal}, which documentation
 *     tools and the OWASP lint rules read): the service's exposure
 */
public record ServerView(String url, String description, boolean internal) {}
