package dev.archforge.model;

/** The API style of a service. */
public enum Api implements Spelled {
  REST("rest"),
  GRAPHQL("graphql"),
  GRPC("grpc");

  private final String spelling;

  Api(String spelling) {
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
