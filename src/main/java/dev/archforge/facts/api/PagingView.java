package dev.archforge.facts.api;

/** The {@code limit} and {@code cursor} parameters of list operations. */
public record PagingView(int defaultSize, int maxSize, int cursorMaxLength, String cursorExample) {}
