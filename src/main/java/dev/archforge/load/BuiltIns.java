package dev.archforge.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The built-in blueprints on the class path, in the jar or in a build folder: read-only. */
final class BuiltIns {
  private BuiltIns() {}

  /** The text of a resource such as {@code blueprints/standard/blueprint.yaml}. */
  static Optional<String> text(String path) {
    try (InputStream in = BuiltIns.class.getResourceAsStream("/" + path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The names of the blueprints, the folders under {@code /blueprints} that hold a blueprint.yaml. */
  static List<String> blueprintNames() {
    return list("blueprints", p -> Files.isRegularFile(p.resolve("blueprint.yaml")));
  }

  /** The names of the {@code .yaml} files in a resource folder, sorted; empty when it does not exist. */
  static List<String> yamlFiles(String folder) {
    return list(folder, p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"));
  }

  private static synchronized List<String> list(String folder, Predicate<Path> filter) {
    URL url = BuiltIns.class.getResource("/" + folder);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        return names(Path.of(uri), filter);
      }
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
        return names(fs.getPath("/" + folder), filter);
      } catch (FileSystemAlreadyExistsException e) {
        return names(FileSystems.getFileSystem(uri).getPath("/" + folder), filter);
      }
    } catch (IOException | URISyntaxException e) {
      return List.of();
    }
  }

  private static List<String> names(Path dir, Predicate<Path> filter) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(filter).map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
    }
  }
}
