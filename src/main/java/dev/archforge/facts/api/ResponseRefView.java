package dev.archforge.facts.api;

/** A status and the name of the reusable response under {@code components/responses}. */
public record ResponseRefView(String status, String name) {}
