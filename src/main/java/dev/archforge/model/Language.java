package dev.archforge.model;

/** A service's implementation language. */
public enum Language implements Spelled {
  JAVA("java"),
  KOTLIN("kotlin"),
  GO("go"),
  NODE("node"),
  PYTHON("python");

  private final String spelling;

  Language(String spelling) {
    this.spelling = spelling;
  }

  @Override
  public String spelling() {
    return spelling;
  }

  /** The spelling of the file, so that templates print what users wrote. */
  @Override
  public String toString() {
    return spelling;
  }
}
