package dev.archforge.facts.api;

/**
 * A page of a list operation: {@code items} of {@code itemSchema} and a {@code nextCursor}.
 *
 * @param itemsExample an example of {@code items}: one resource
 */
public record PageView(String name, String description, String itemSchema, int maxItems, int cursorMaxLength,
    Literal itemsExample, String cursorExample) {}
