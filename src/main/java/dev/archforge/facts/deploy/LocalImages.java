package dev.archforge.facts.deploy;

/**
 * The container images of the SQL databases, pinned to a version, wherever a throwaway one runs:
 * Docker Compose on a laptop, the migrations job of the delivery pipeline; and the local tag of a
 * deployable's own image built there.
 */
public final class LocalImages {
  public static final String POSTGRES = "postgres:16.6-alpine3.21";
  public static final String MYSQL = "mysql:8.4.3";

  private LocalImages() {}

  /**
   * The tag of a deployable's image built on a laptop (Docker Compose's build, {@code docker build}):
   * it stays local; the delivery pipeline pushes to the registry of facts/deploy/Registries.
   */
  public static String local(String project, String deployable) {
    return project + "/" + deployable + ":local";
  }
}
