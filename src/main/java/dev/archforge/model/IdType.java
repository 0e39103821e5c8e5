package dev.archforge.model;

/** The primary-key type of an entity. */
public enum IdType implements Spelled {
  UUID("uuid"),
  LONG("long");

  private final String spelling;

  IdType(String spelling) {
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
