package dev.archforge.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Which archforge is running, cheaply: the Java runtime and the jar's path, size and modification
 * time (or, when running from a classes folder during development, the class path and every
 * file's size and modification time). A rebuilt or upgraded archforge has another identity, so nothing cached by the old one
 * is trusted.
 */
final class BuildIdentity {
  private BuildIdentity() {}

  static String current() throws IOException {
    Path code;
    try {
      code = Path.of(BuildIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell where archforge runs from", e);
    }
    StringBuilder id = new StringBuilder()
        .append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.vm.version"))
        .append('\n');
    if (Files.isDirectory(code)) {
      id.append(System.getProperty("java.class.path")).append('\n');
      try (Stream<Path> walk = Files.walk(code)) {
        walk.filter(Files::isRegularFile).sorted().forEach(f -> id.append(stamp(code, f)));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    } else {
      id.append(code.toAbsolutePath()).append(' ').append(stamp(code, code));
    }
    return id.toString();
  }

  private static String stamp(Path base, Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return base.relativize(file) + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
