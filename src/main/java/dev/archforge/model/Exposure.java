package dev.archforge.model;

/** Whether a service is reachable from outside the cluster. */
public enum Exposure implements Spelled {
  PUBLIC("public"),
  INTERNAL("internal");

  private final String spelling;

  Exposure(String spelling) {
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
