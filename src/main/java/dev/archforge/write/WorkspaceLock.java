package dev.archforge.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One writer per workspaces root: an operating-system lock on {@code .archforge.lock} in the root
 * (the one place a run never renames), held from the preview to the end of the commit. A second
 * run waits for it up to a bound, then gives up with a message; it never touches the first run's
 * staging folder. The lock goes with the process, however it ends; the file, empty, stays.
 */
public final class WorkspaceLock implements AutoCloseable {
  static final String FILE = ".archforge.lock";
  private static final long POLL_MILLIS = 50;

  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code root}, waiting up to {@code wait} while another run holds it.
   *
   * @throws WriteException when the root cannot hold a lock file, or another run kept it longer
   */
  static WorkspaceLock take(Path root, Duration wait) {
    return take(root, wait, true);
  }

  /**
   * As {@link #take(Path, Duration)}; without {@code create}, a root that holds no lock file yet (so
   * no run is writing it) is not locked, and nothing is created: for a run that writes nothing.
   */
  static WorkspaceLock take(Path root, Duration wait, boolean create) {
    Path file = root.resolve(FILE);
    if (!create && !Files.exists(file)) {
      return new WorkspaceLock(null, null);
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      Files.createDirectories(root);
      Disk.refuseLink(file);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        while (true) {
          FileLock lock = tryLock(channel);
          if (lock != null) {
            return new WorkspaceLock(channel, lock);
          }
          if (System.nanoTime() - deadline > 0) {
            throw new WriteException("another archforge run is writing " + root + "; waited " + wait.toSeconds()
                + " s for it to finish. Nothing was written: run again when it has finished.");
          }
          Thread.sleep(POLL_MILLIS);
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new WriteException("cannot lock " + file + " to write the workspace: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteException("interrupted while waiting for the lock on " + file, e);
    }
  }

  /** The lock, or null while another process (or another run of this one) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it too
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        // the lock goes with the process
      }
    }
  }
}
