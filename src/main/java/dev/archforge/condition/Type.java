package dev.archforge.condition;

/** The type of a fact, as a condition sees it. */
public enum Type {
  NUMBER("number"),
  TEXT("text"),
  BOOLEAN("boolean"),
  TEXT_LIST("list of text");

  private final String displayName;

  Type(String displayName) {
    this.displayName = displayName;
  }

  /** The lower-case name shown to users: number, text, boolean, list of text. */
  public String displayName() {
    return displayName;
  }
}
