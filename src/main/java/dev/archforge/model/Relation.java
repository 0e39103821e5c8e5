package dev.archforge.model;

/** A relation from one entity to another entity owned by the same service. */
public record Relation(String name, String to, RelationKind kind, boolean required, String description) {}
