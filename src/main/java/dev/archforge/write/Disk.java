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

/** The few file operations the writer needs, none of which follows a symbolic link. */
final class Disk {
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
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
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
