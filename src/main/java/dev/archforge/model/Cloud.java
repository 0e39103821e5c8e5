package dev.archforge.model;

/** {@code project.cloud}. */
public enum Cloud implements Spelled {
  AWS("aws"),
  GCP("gcp"),
  AZURE("azure"),
  ANY("any");

  private final String spelling;

  Cloud(String spelling) {
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
