package dev.archforge.model;

/** The type of a field. */
public enum FieldType implements Spelled {
  STRING("string"),
  TEXT("text"),
  INTEGER("integer"),
  LONG("long"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DATE("date"),
  DATETIME("datetime"),
  UUID("uuid"),
  EMAIL("email"),
  URL("url"),
  ENUM("enum"),
  JSON("json"),
  BYTES("bytes");

  private final String spelling;

  FieldType(String spelling) {
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
