package dev.archforge.facts.deploy;

/**
 * The container images of the SQL databases, pinned to a version, wherever a throwaway one runs:
 * Docker Compose on a laptop, the migrations job of the delivery pipeline.
 */
public final class LocalImages {
  public static final String POSTGRES = "postgres:16.6-alpine3.21";
  public static final String MYSQL = "mysql:8.4.3";

  private LocalImages() {}
}
