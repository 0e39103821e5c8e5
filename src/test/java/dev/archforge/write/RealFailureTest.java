package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.age;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.model.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure the file system itself raises, with no test hook: Linux refuses paths of 4096 bytes or
 * more (ENAMETOOLONG). With the workspaces folder deep enough, a long artifact path fits under the
 * agent folder but not under the longer-named staging folder, so the commit fails mid-staging.
 */
@EnabledOnOs(OS.LINUX)
class RealFailureTest {
  private static final int PATH_MAX = 4096;

  @TempDir Path tmp;

  @Test
  void pathTooLongForTheStagingFolderLeavesTheWorkspaceIntact() throws Exception {
    Path root = deepFolder(tmp, 3650);
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("a.md", "v1"), md("b.md", "b")));
    write(root.resolve("backend-architect/notes.md"), "my notes");
    age(root);
    TreeSnapshot before = TreeSnapshot.of(root, false);

    String longPath = String.join("/", "x".repeat(100), "y".repeat(100), "z".repeat(100), "w".repeat(100) + ".md");
    String staged = root + "/.archforge-staging-" + "0".repeat(36) + "/" + longPath;
    assertThat(staged.length()).isGreaterThanOrEqualTo(PATH_MAX);
    List<Artifact> second = List.of(md("a.md", "v2"), md("b.md", "b"), md(longPath, "long"));
    ChangeSet changes = writer.preview(second, RUN);

    assertThatThrownBy(() -> writer.commit(changes, "## second\n", "second"))
        .isInstanceOf(WriteException.class)
        .hasMessageContaining("nothing was changed")
        .hasMessageContaining("File name too long");
    assertThat(TreeSnapshot.of(root, false)).isEqualTo(before);
    try (Stream<Path> entries = Files.list(root)) {
      assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".archforge-"));
    }
    assertThat(writer.preview(List.of(md("a.md", "v1"), md("b.md", "b")), RUN).isNoOp()).isTrue();
  }

  /** A folder below {@code top} whose absolute path is about {@code length} characters long. */
  private static Path deepFolder(Path top, int length) throws Exception {
    Path deep = top.toAbsolutePath();
    while (deep.toString().length() < length - 201) {
      deep = deep.resolve("d".repeat(200));
    }
    deep = deep.resolve("e".repeat(length - deep.toString().length() - 1));
    Files.createDirectories(deep);
    return deep;
  }
}
