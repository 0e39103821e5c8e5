package dev.archforge.model;

/** Whether a domain operation acts on one instance of its entity or on the collection (creating one). */
public enum OperationScope implements Spelled {
  INSTANCE("instance"),
  COLLECTION("collection");

  private final String spelling;

  OperationScope(String spelling) {
    this.spelling = spelling;
  }

  @Override
  public String spelling() {
    return spelling;
  }

  @Override
  public String toString() {
    return spelling;
  }
}
