package dev.archforge.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The few file operations the writer needs, none of which follows a symbolic link. */
final class Disk {
  /** Mostly I/O waits, not CPU: more threads than cores. */
  private static final int WRITE_THREADS = 16;

  private Disk() {}

  /** The bytes of a regular file, or null when nothing is there; refuses links and folders. */
  static byte[] readIfPresent(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    refuseLink(file);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is not a regular file");
    }
    return Files.readAllBytes(file);
  }

  static void refuseLink(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      throw new IOException("refusing to use " + path
          + ": it is a symbolic link, and archforge never follows links out of the workspaces folder");
    }
  }

  /** Creates a new file (never replaces one) and forces its bytes to the device. */
  static void writeNew(Path file, byte[] bytes) throws IOException {
    writeNewUnforced(file, bytes);
    forceOne(file);
  }

  /**
   * Creates these new files (never replacing one) and forces their bytes to the device, several at
   * a time: the writes are the kernel's work, and the file system commits concurrent syncs together,
   * so many small files take a fraction of the time of one after the other. Returns when every file
   * is on the device; on a failure, once no write is still running.
   */
  static void writeNew(Map<Path, byte[]> files) throws IOException {
    if (files.size() < 2) {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        writeNew(file.getKey(), file.getValue());
      }
      return;
    }
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(WRITE_THREADS, files.size()), task -> {
      Thread thread = new Thread(task, "archforge-write");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Void>> written = new ArrayList<>();
      files.forEach((file, bytes) -> written.add(workers.submit(() -> {
        writeNew(file, bytes);
        return null;
      })));
      for (Future<Void> f : written) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing files", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      workers.shutdownNow();
      awaitQuietly(workers);
    }
  }

  /** Waits for a pool's running tasks, so that nothing writes into a folder that is about to be removed. */
  private static void awaitQuietly(ExecutorService workers) {
    try {
      workers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Creates a new file (never replaces one), unforced. */
  private static void writeNewUnforced(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** Opened for reading: a sync needs no write access, and a strict umask may have left none. */
  private static void forceOne(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Gives {@code target} the same file as {@code existing}: a hard link, which keeps the inode and
   * the modification time, or a copy with its attributes where links are not supported.
   */
  static void linkOrCopy(Path existing, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, existing);
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * Refuses a folder that could not be deleted after the swap: a read-only or immutable folder in
   * it (whose entries cannot be removed), or an immutable file. A file that is merely read-only
   * ({@code chmod a-w}) can be removed and is fine.
   */
  static void refuseUnremovable(Path top, AgentTree tree) throws IOException {
    for (String dir : tree.dirs()) {
      refuseReadOnly(top.resolve(dir), "folder");
    }
    for (String file : tree.files()) {
      Path path = top.resolve(file);
      if (!Files.isWritable(path) && Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
          .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
        refuseReadOnly(path, "file");
      }
    }
  }

  private static void refuseReadOnly(Path path, String what) throws IOException {
    if (!Files.isWritable(path)) {
      throw new IOException("the " + what + " " + path + " is read-only or immutable, so the previous folder could"
          + " not be removed once the new one is in place; make it writable (chmod u+w, or chattr -i if it is"
          + " immutable) or move it out of the workspace, then run again");
    }
  }

  /** Deletes a folder and everything in it; links inside are removed, never followed. */
  static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(top);
      return;
    }
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
