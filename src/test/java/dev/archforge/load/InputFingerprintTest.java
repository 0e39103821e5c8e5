package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input that can change the output changes the fingerprint; nothing else does. */
class InputFingerprintTest {
  @TempDir
  Path tmp;

  @Test
  void theSameInputsGiveTheSameFingerprint() throws IOException {
    Path input = Files.writeString(tmp.resolve("req.yaml"), "format: 1\n");
    String first = InputFingerprint.start(input, Optional.empty(), List.of());
    assertThat(InputFingerprint.start(input, Optional.empty(), List.of())).isEqualTo(first).hasSize(64);
    assertThat(InputFingerprint.start(tmp.resolve("./req.yaml"), Optional.empty(), List.of())).isEqualTo(first);
  }

  @Test
  void eachInputChangesIt() throws IOException {
    Path input = Files.writeString(tmp.resolve("req.yaml"), "format: 1\n");
    Path other = Files.writeString(tmp.resolve("other.yaml"), "format: 1\n");
    Path templates = Files.createDirectories(tmp.resolve("t"));
    Set<String> seen = new HashSet<>();
    assertThat(seen.add(InputFingerprint.start(input, Optional.empty(), List.of()))).isTrue();
    assertThat(seen.add(InputFingerprint.start(other, Optional.empty(), List.of()))).as("another file").isTrue();
    assertThat(seen.add(InputFingerprint.start(input, Optional.of("standard"), List.of()))).as("--blueprint").isTrue();
    assertThat(seen.add(InputFingerprint.start(input, Optional.of(""), List.of()))).as("an empty --blueprint").isTrue();
    assertThat(seen.add(InputFingerprint.start(input, Optional.empty(), List.of(templates)))).as("--templates").isTrue();
    Files.writeString(input, "format: 1\n# comment\n");
    assertThat(seen.add(InputFingerprint.start(input, Optional.empty(), List.of()))).as("the bytes").isTrue();
    Files.writeString(templates.resolve("a.ftl"), "x");
    assertThat(seen.add(InputFingerprint.start(input, Optional.empty(), List.of(templates)))).as("a template").isTrue();
  }

  @Test
  void aTreeHashSeesContentNamesAndNewFilesButNotTimes() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bp"));
    Files.writeString(dir.resolve("blueprint.yaml"), "name: org\n");
    Set<String> seen = new HashSet<>();
    String original = InputFingerprint.tree(dir);
    seen.add(original);
    Files.setLastModifiedTime(dir.resolve("blueprint.yaml"), java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(InputFingerprint.tree(dir)).as("a touched file").isEqualTo(original);
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/a.yaml"), "topic: caching\n");
    assertThat(seen.add(InputFingerprint.tree(dir))).as("a new file").isTrue();
    Files.move(dir.resolve("rules/a.yaml"), dir.resolve("rules/b.yaml"));
    assertThat(seen.add(InputFingerprint.tree(dir))).as("a renamed file").isTrue();
    Files.writeString(dir.resolve("rules/b.yaml"), "topic: caching\n\n");
    assertThat(seen.add(InputFingerprint.tree(dir))).as("changed bytes").isTrue();
    // framing: the same bytes split differently between name and content is another tree
    Path x = Files.createDirectories(tmp.resolve("x"));
    Path y = Files.createDirectories(tmp.resolve("y"));
    Files.writeString(x.resolve("ab"), "c");
    Files.writeString(y.resolve("a"), "bc");
    assertThat(InputFingerprint.tree(x)).isNotEqualTo(InputFingerprint.tree(y));
  }

  @Test
  void theWholeFingerprintCoversTheBlueprintFolders() {
    String start = "0".repeat(64);
    String none = InputFingerprint.of(start, List.of());
    String one = InputFingerprint.of(start, List.of(new InputFingerprint.Folder(Path.of("/a"), "1")));
    String moved = InputFingerprint.of(start, List.of(new InputFingerprint.Folder(Path.of("/b"), "1")));
    String edited = InputFingerprint.of(start, List.of(new InputFingerprint.Folder(Path.of("/a"), "2")));
    assertThat(Set.of(none, one, moved, edited)).hasSize(4);
  }
}
