package dev.archforge.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a new file that must not exist yet ({@code archforge init}). */
public final class StarterFile {
  private StarterFile() {}

  /** @return false when the file already exists (nothing is written) */
  public static boolean create(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".archforge-init", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.createLink(file, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new WriteException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
