package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder or file of the workspace that cannot be removed: the commit refuses before it changes
 * anything, naming it and what to do, and the run after the person fixed it succeeds cleanly. A
 * user without root rights is stopped by {@code chmod a-w}; root is not, so as root the test makes
 * the file immutable ({@code chattr +i}), which stops root too (skipped where the file system has
 * no such attribute).
 */
class ReadOnlyFilesTest {
  static final List<Artifact> FIRST = List.of(md("a.md", "v1"));
  static final List<Artifact> SECOND = List.of(md("a.md", "v2"));
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir Path root;
  private Path agent;
  private final List<Path> locked = new ArrayList<>();

  @BeforeEach
  void firstRun() throws IOException {
    agent = root.resolve("backend-architect");
    generate(new WorkspaceWriter(root), FIRST);
    write(agent.resolve("notes/mine.md"), "my notes");
  }

  @AfterEach
  void unlock() throws IOException, InterruptedException {
    for (Path path : locked) {
      setReadOnly(path, false);
    }
  }

  @Test
  void aReadOnlyFolderStopsTheCommitBeforeAnythingChanges() throws Exception {
    lock(agent.resolve("notes"));
    TreeSnapshot before = TreeSnapshot.of(root, false);
    WorkspaceWriter writer = new WorkspaceWriter(root);

    ChangeSet changes = writer.preview(SECOND, RUN);
    assertThatThrownBy(() -> writer.commit(changes, "## second\n", "second"))
        .isInstanceOf(WriteException.class)
        .hasMessageContaining("nothing was changed")
        .hasMessageContaining("the folder " + agent.resolve("notes") + " is read-only or immutable")
        .hasMessageContaining("make it writable");

    assertThat(TreeSnapshot.of(root, false)).isEqualTo(before);
    unlock();
    locked.clear();
    generate(new WorkspaceWriter(root), SECOND);
    assertThat(agent.resolve("a.md")).hasContent("v2");
    assertThat(agent.resolve("notes/mine.md")).hasContent("my notes");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anImmutableFileStopsTheCommitButAReadOnlyOneDoesNot() throws Exception {
    Path mine = agent.resolve("notes/mine.md");
    Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("r--r--r--"));
    generate(new WorkspaceWriter(root), SECOND);
    assertThat(leftovers()).as("a file without write permission is removed with its folder").isEmpty();
    assertThat(mine).hasContent("my notes");

    Assumptions.assumeTrue(ROOT, "only root can make a file immutable");
    Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rw-r--r--"));
    lock(mine);
    WorkspaceWriter writer = new WorkspaceWriter(root);
    ChangeSet changes = writer.preview(FIRST, RUN);
    assertThatThrownBy(() -> writer.commit(changes, "## third\n", "third"))
        .isInstanceOf(WriteException.class).hasMessageContaining("the file " + mine + " is read-only or immutable");
    assertThat(agent.resolve("a.md")).hasContent("v2");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFolderAnEarlierRunCouldNotRemoveIsNamedWithWhatToDo() throws Exception {
    Path old = root.resolve(".archforge-old-1234");
    write(old.resolve("notes/mine.md"), "my notes");
    lock(old.resolve("notes"));

    assertThatThrownBy(() -> new WorkspaceWriter(root).preview(SECOND, RUN))
        .isInstanceOf(WriteException.class)
        .hasMessageContaining("cannot remove " + old + ", the folder an earlier run replaced")
        .hasMessageContaining("chmod -R u+w");

    unlock();
    locked.clear();
    generate(new WorkspaceWriter(root), SECOND);
    assertThat(leftovers()).isEmpty();
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".archforge-")).toList();
    }
  }

  private void lock(Path path) throws IOException, InterruptedException {
    setReadOnly(path, true);
    locked.add(path);
  }

  /** {@code chattr +i} as root (whom permissions do not stop), {@code chmod a-w} otherwise. */
  private static void setReadOnly(Path path, boolean readOnly) throws IOException, InterruptedException {
    if (ROOT) {
      Process chattr = new ProcessBuilder("chattr", readOnly ? "+i" : "-i", path.toString())
          .redirectErrorStream(true).start();
      String output = new String(chattr.getInputStream().readAllBytes());
      Assumptions.assumeTrue(chattr.waitFor() == 0, "chattr is not available here: " + output);
    } else {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(readOnly ? "r-xr-xr-x" : "rwxr-xr-x"));
    }
  }
}
