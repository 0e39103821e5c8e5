package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers shared by the write tests. */
final class Fixtures {
  static final RunRecord RUN = new RunRecord("0.1.0", "ab".repeat(32), "project:\n  name: shop\n");
  static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  private Fixtures() {}

  static Artifact md(String path, String content) {
    return new Artifact(path, content, Artifact.Kind.MARKDOWN);
  }

  /** Previews and commits; returns what the preview said. */
  static ChangeSet generate(WorkspaceWriter writer, List<Artifact> artifacts) {
    return generate(writer, artifacts, RUN);
  }

  static ChangeSet generate(WorkspaceWriter writer, List<Artifact> artifacts, RunRecord run) {
    ChangeSet changes = writer.preview(artifacts, run);
    writer.commit(changes, "## run\n- " + changes.files().size() + " files\n", "Produced " + artifacts.size() + " files.\n");
    return changes;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Sets every file's modification time far in the past, so that any rewrite would show. */
  static void age(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        Files.setLastModifiedTime(path, LONG_AGO);
      }
    }
  }
}
