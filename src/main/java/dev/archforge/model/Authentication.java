package dev.archforge.model;

/** {@code security.authentication}: how callers authenticate. */
public enum Authentication implements Spelled {
  OIDC("oidc"),
  JWT("jwt"),
  API_KEY("api-key"),
  MTLS("mtls"),
  NONE("none");

  private final String spelling;

  Authentication(String spelling) {
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
