package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.age;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A commit cut short at any point leaves the workspace as it was, and the next run tidies up. */
class AtomicityTest {
  /** Stands for the process being killed: nothing in the writer catches an Error. */
  static final class Killed extends Error {
    Killed() {
      super("killed");
    }
  }

  static final List<Artifact> FIRST = List.of(md("a.md", "v1"), md("b.md", "b"), md("sub/c.md", "c"));
  static final List<Artifact> SECOND = List.of(md("a.md", "v2"), md("b.md", "b"), md("sub/c.md", "c"), md("new.md", "n"));

  @TempDir Path root;
  private Path agent;

  @BeforeEach
  void firstRun() throws IOException {
    agent = root.resolve("backend-architect");
    generate(new WorkspaceWriter(root), FIRST);
    write(agent.resolve("notes/mine.md"), "my notes");
    write(root.resolve("frontend/PROGRESS.md"), "another agent");
    age(root);
  }

  @ParameterizedTest(name = "fails after {0} staged files")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
  void failureDuringStagingLeavesTheWorkspaceIntact(int failAt) throws IOException {
    TreeSnapshot before = TreeSnapshot.of(root, false);
    int[] staged = {0};
    WorkspaceWriter failing = new WorkspaceWriter(root, path -> {
      if (++staged[0] == failAt) {
        throw new IOException("disk failed on " + path);
      }
    });

    ChangeSet changes = failing.preview(SECOND, RUN);
    assertThatThrownBy(() -> failing.commit(changes, "## second\n", "second"))
        .isInstanceOf(WriteException.class).hasMessageContaining("nothing was changed").hasMessageContaining("disk failed");

    assertThat(TreeSnapshot.of(root, false)).isEqualTo(before);
    generate(new WorkspaceWriter(root), SECOND);
    assertThat(agent.resolve("a.md")).hasContent("v2");
    assertThat(agent.resolve("notes/mine.md")).hasContent("my notes");
  }

  @Test
  void theSecondRunStagesThirteenFilesSoEveryFailurePointAboveIsCovered() {
    int[] staged = {0};
    WorkspaceWriter counting = new WorkspaceWriter(root, path -> staged[0]++);
    generate(counting, SECOND);
    assertThat(staged[0]).isEqualTo(13);
  }

  @Test
  void killDuringStagingIsClearedByTheNextRun() throws IOException {
    TreeSnapshot before = TreeSnapshot.of(agent, true);
    int[] staged = {0};
    WorkspaceWriter killed = new WorkspaceWriter(root, path -> {
      if (++staged[0] == 6) {
        throw new Killed();
      }
    });
    ChangeSet changes = killed.preview(SECOND, RUN);
    assertThatThrownBy(() -> killed.commit(changes, "## second\n", "second")).isInstanceOf(Killed.class);
    assertThat(leftovers(".archforge-staging-")).hasSize(1);
    assertThat(TreeSnapshot.of(agent, true)).isEqualTo(before);

    ChangeSet again = new WorkspaceWriter(root).preview(FIRST, RUN);

    assertThat(again.isNoOp()).isTrue();
    assertThat(leftovers(".archforge-")).isEmpty();
    assertThat(TreeSnapshot.of(agent, true)).isEqualTo(before);
  }

  @Test
  void failureBetweenTheRenamesPutsTheOldFolderBack() throws IOException {
    TreeSnapshot before = TreeSnapshot.of(agent, true);
    WorkspaceWriter failing = new WorkspaceWriter(root, new StagingListener() {
      @Override
      public void fileStaged(String path) {}

      @Override
      public void movedAside() throws IOException {
        throw new IOException("rename failed");
      }
    });

    assertThatThrownBy(() -> failing.commit(failing.preview(SECOND, RUN), "x", "y"))
        .isInstanceOf(WriteException.class).hasMessageContaining("rename failed");
    assertThat(TreeSnapshot.of(agent, true)).isEqualTo(before);
    assertThat(leftovers(".archforge-")).isEmpty();
  }

  @Test
  void killBetweenTheRenamesIsRepairedByTheNextRun() throws IOException {
    TreeSnapshot before = TreeSnapshot.of(agent, true);
    WorkspaceWriter killed = new WorkspaceWriter(root, new StagingListener() {
      @Override
      public void fileStaged(String path) {}

      @Override
      public void movedAside() {
        throw new Killed();
      }
    });
    ChangeSet changes = killed.preview(SECOND, RUN);
    assertThatThrownBy(() -> killed.commit(changes, "x", "y")).isInstanceOf(Killed.class);
    assertThat(agent).doesNotExist();

    assertThat(new WorkspaceWriter(root).preview(FIRST, RUN).isNoOp()).isTrue();

    assertThat(TreeSnapshot.of(agent, true)).isEqualTo(before);
    assertThat(leftovers(".archforge-")).isEmpty();
  }

  @Test
  void killAfterTheSwapHasItsSharedSectionWrittenByTheNextRun() throws IOException {
    Path shared = root.resolve("SHARED_PROGRESS.md");
    Files.writeString(shared, "\n## frontend\nanother agent's section\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(shared).content().contains("Produced 3 files.");
    WorkspaceWriter killed = new WorkspaceWriter(root, new StagingListener() {
      @Override
      public void fileStaged(String path) {}

      @Override
      public void swapped() {
        throw new Killed();
      }
    });
    ChangeSet changes = killed.preview(SECOND, RUN);
    assertThatThrownBy(() -> killed.commit(changes, "## second\n", "second section")).isInstanceOf(Killed.class);
    assertThat(agent.resolve("a.md")).hasContent("v2");
    assertThat(shared).content().contains("Produced 3 files.").doesNotContain("second section");

    ChangeSet again = new WorkspaceWriter(root).preview(SECOND, RUN);

    assertThat(again.isNoOp()).isTrue();
    assertThat(shared).content().contains("second section").doesNotContain("Produced 3 files.")
        .contains("another agent's section");
    assertThat(leftovers(".archforge-")).isEmpty();
    FileTime repaired = Files.getLastModifiedTime(shared);
    assertThat(new WorkspaceWriter(root).preview(SECOND, RUN).isNoOp()).isTrue();
    assertThat(Files.getLastModifiedTime(shared)).as("a repaired section is not written again").isEqualTo(repaired);
  }

  @Test
  void leftoverOldFolderWithMissingAgentFolderIsRenamedBack() throws IOException {
    TreeSnapshot before = TreeSnapshot.of(agent, true);
    Files.move(agent, root.resolve(".archforge-old-1234"));
    write(root.resolve(".archforge-staging-1234/a.md"), "half-built");

    ChangeSet changes = new WorkspaceWriter(root).preview(FIRST, RUN);

    assertThat(changes.isNoOp()).isTrue();
    assertThat(TreeSnapshot.of(agent, true)).isEqualTo(before);
    assertThat(leftovers(".archforge-")).isEmpty();
  }

  @Test
  void leftoverOldFolderBesideTheAgentFolderIsRemoved() throws IOException {
    write(root.resolve(".archforge-old-5678/a.md"), "from a run killed after its swap");
    write(root.resolve(".archforge-tmp-5678"), "half a SHARED_PROGRESS.md");

    new WorkspaceWriter(root).preview(FIRST, RUN);

    assertThat(leftovers(".archforge-")).isEmpty();
    assertThat(agent.resolve("a.md")).hasContent("v1");
  }

  @Test
  void severalOldFoldersAndNoAgentFolderAskForAPerson() throws IOException {
    Files.move(agent, root.resolve(".archforge-old-1"));
    Files.createDirectory(root.resolve(".archforge-old-2"));

    assertThatThrownBy(() -> new WorkspaceWriter(root).preview(FIRST, RUN))
        .isInstanceOf(WriteException.class).hasMessageContaining("several .archforge-old-* folders");
    assertThat(root.resolve(".archforge-old-1/a.md")).hasContent("v1");
  }

  private List<String> leftovers(String prefix) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
    }
  }
}
