package dev.archforge.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input whatever its kind (a regular file, a pipe such as {@code <(...)} or
 * {@code /dev/stdin}, a device such as {@code /dev/zero}) and stops at a hard limit: the size a
 * pipe or a device reports is 0, so only counting what is read keeps an endless input harmless.
 */
public final class InputBytes {
  /** The most a requirements file may hold. */
  public static final int MAX_REQUIREMENTS = 8 * 1024 * 1024;

  private InputBytes() {}

  /** The input holds more than the limit; what was read of it is dropped. */
  public static final class TooLarge extends IOException {
    private final long size;

    TooLarge(Path file, long size, int limit) {
      super(file + " holds more than " + limit + " bytes");
      this.size = size;
    }

    /** The size of a regular file; -1 for a pipe or device, whose end was never reached. */
    public long size() {
      return size;
    }
  }

  /** Why {@code file} could not be read, in words that say what to do. */
  public static String whyUnreadable(Path file, IOException e) {
    if (Files.isDirectory(file)) {
      return "it is a folder, not a file: name the requirements file in it";
    }
    if (e instanceof NoSuchFileException) {
      return "there is no such file" + (Files.isSymbolicLink(file) ? " (it is a link to a file that does not exist)" : "")
          + ": check the path";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: make the file readable for this user";
    }
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    return "cannot read the file: " + reason;
  }

  /** Every byte of {@code file}, or {@link TooLarge} as soon as it holds more than {@code limit}. */
  public static byte[] read(Path file, int limit) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) > limit) {
      throw new TooLarge(file, Files.size(file), limit);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new TooLarge(file, Files.isRegularFile(file) ? Files.size(file) : -1, limit);
      }
      return bytes;
    }
  }
}
