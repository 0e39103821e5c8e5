package dev.archforge.model;

/**
 * A jurisdiction of {@code dataResidency:}: the data of users there stays in its regions. The
 * regions of each, per cloud, are a table of the blueprint ({@link RegionTable}).
 */
public enum Jurisdiction implements Spelled {
  EU("eu", "the European Union"),
  US("us", "the United States"),
  UK("uk", "the United Kingdom"),
  CA("ca", "Canada"),
  AU("au", "Australia"),
  JP("jp", "Japan"),
  IN("in", "India"),
  CH("ch", "Switzerland");

  private final String spelling;
  private final String title;

  Jurisdiction(String spelling, String title) {
    this.spelling = spelling;
    this.title = title;
  }

  @Override
  public String spelling() {
    return spelling;
  }

  /** For documents: {@code the European Union}. */
  public String title() {
    return title;
  }

  /** The spelling of the file, so that templates print what users wrote. */
  @Override
  public String toString() {
    return spelling;
  }
}
