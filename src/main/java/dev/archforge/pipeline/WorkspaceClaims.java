package dev.archforge.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The workspaces roots that the runs of one invocation write, each claimed by one requirements
 * file: a batch never lets two inputs write the same workspace.
 */
public final class WorkspaceClaims {
  private final Map<Path, Path> owners = new HashMap<>();

  /** Claims {@code root} for {@code input}; refused (bad input) when another input claimed it first. */
  public void claim(Path root, Path input) {
    Path key = root.toAbsolutePath().normalize();
    Path owner = owners.putIfAbsent(key, input.toAbsolutePath().normalize());
    if (owner != null && !owner.equals(input.toAbsolutePath().normalize())) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, input + ": its workspace " + root + " is also that of " + owner
          + ", an earlier input of this run; nothing was written for it (give each project its own name, or "
          + "-o DIR to write DIR/<project name>/)");
    }
  }
}
