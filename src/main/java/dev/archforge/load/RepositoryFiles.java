package dev.archforge.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text files of a repository or workspace for {@code archforge review}: every regular file
 * under the root, in path order, skipping version control, dependency and build folders and
 * archforge's own {@code .archforge/}. A file that is too large or not UTF-8 text is listed as
 * unreadable with the reason, never read half.
 */
public final class RepositoryFiles {
  /** Larger files are not reviewed (a contract or manifest is far smaller). */
  public static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", ".archforge", "node_modules", "target",
      "build", "dist", ".gradle", ".idea", ".terraform", "vendor", "__pycache__", ".venv");

  /** A file's path relative to the root (forward slashes) and its text. */
  public record File(String path, String text) {}

  /** A file that was not read, and why. */
  public record Unread(String path, String reason) {}

  /** What the walk found. */
  public record Listing(List<File> files, List<Unread> unread) {
    public Listing {
      files = List.copyOf(files);
      unread = List.copyOf(unread);
    }
  }

  private RepositoryFiles() {}

  /** The files under {@code root} (a folder), or the one file {@code root} names. */
  public static Listing read(Path root) {
    List<File> files = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    Path start = root.toAbsolutePath().normalize();
    Path base = Files.isDirectory(start) ? start : start.getParent();
    try (Stream<Path> walk = Files.isDirectory(start) ? Files.walk(start) : Stream.of(start)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String path = base.relativize(file).toString().replace('\\', '/');
        if (skipped(path)) {
          continue;
        }
        readOne(file, path, files, unread);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
    return new Listing(files, unread);
  }

  private static boolean skipped(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (SKIPPED.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }

  private static void readOne(Path file, String path, List<File> files, List<Unread> unread) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      unread.add(new Unread(path, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB"));
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (text.indexOf('\0') >= 0) {
        unread.add(new Unread(path, "binary (holds NUL bytes)"));
      } else {
        files.add(new File(path, text));
      }
    } catch (CharacterCodingException e) {
      unread.add(new Unread(path, "not UTF-8 text"));
    }
  }
}
