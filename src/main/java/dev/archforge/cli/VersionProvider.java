package dev.archforge.cli;

import dev.archforge.pipeline.ToolVersion;
import picocli.CommandLine;

/** What {@code --version} prints. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"archforge " + ToolVersion.get(), "requirements format 1, workspace layout 1"};
  }
}
