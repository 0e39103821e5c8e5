package dev.archforge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder's files as tests compare them. */
public final class FileTree {
  private FileTree() {}

  /** Every file below {@code root} by its path relative to it, with its text, sorted by path. */
  public static Map<String, String> texts(Path root) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        texts.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return texts;
  }
}
