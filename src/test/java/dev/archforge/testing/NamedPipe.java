package dev.archforge.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A named pipe (mkfifo) as a test's input: opening it for writing waits until the code under test
 * opens it for reading, which tells the test that the run has begun.
 */
public final class NamedPipe {
  private NamedPipe() {}

  /** Makes a named pipe at {@code path}. */
  public static Path make(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + path + " failed");
    }
    return path;
  }
}
