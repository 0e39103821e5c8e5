package dev.archforge.condition;

/**
 * The static type of a part of a condition. Wider than {@link Type}: a list literal may hold
 * numbers, and the {@code null} literal has a kind of its own.
 */
enum Kind {
  NUMBER("number", "a number"),
  TEXT("text", "text"),
  BOOLEAN("true/false", "true/false"),
  TEXT_LIST("list of text", "a list of text"),
  NUMBER_LIST("list of numbers", "a list of numbers"),
  NULL("null", "null");

  private final String noun;
  private final String phrase;

  Kind(String noun, String phrase) {
    this.noun = noun;
    this.phrase = phrase;
  }

  static Kind of(Type type) {
    return switch (type) {
      case NUMBER -> NUMBER;
      case TEXT -> TEXT;
      case BOOLEAN -> BOOLEAN;
      case TEXT_LIST -> TEXT_LIST;
    };
  }

  /** "number", "list of text": to stand before a name. */
  String noun() {
    return noun;
  }

  /** "a number", "text": to stand after "is" or "with". */
  String phrase() {
    return phrase;
  }

  boolean isList() {
    return this == TEXT_LIST || this == NUMBER_LIST;
  }

  /** The kind of the items of a list kind. */
  Kind item() {
    return this == NUMBER_LIST ? NUMBER : TEXT;
  }
}
