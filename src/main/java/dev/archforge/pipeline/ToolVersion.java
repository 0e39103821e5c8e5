package dev.archforge.pipeline;

/** archforge's version: from the jar's manifest, or {@code dev} when running from classes. */
public final class ToolVersion {
  private ToolVersion() {}

  public static String get() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
