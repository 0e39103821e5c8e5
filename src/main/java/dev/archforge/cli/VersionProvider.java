package dev.archforge.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or {@code dev} when running from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"archforge " + version(), "requirements format 1, workspace layout 1"};
  }
}
