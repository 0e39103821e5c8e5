package dev.archforge.model;

/** The kind of a relation between two entities. */
public enum RelationKind implements Spelled {
  MANY_TO_ONE("many-to-one"),
  ONE_TO_ONE("one-to-one"),
  ONE_TO_MANY("one-to-many"),
  MANY_TO_MANY("many-to-many");

  private final String spelling;

  RelationKind(String spelling) {
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
