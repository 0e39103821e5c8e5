package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer never follows a symbolic link out of the workspaces folder. */
class SymlinkTest {
  @TempDir Path tmp;
  private Path root;
  private Path outside;

  @BeforeEach
  void folders() throws Exception {
    root = tmp.resolve("workspaces");
    outside = tmp.resolve("outside");
    Files.createDirectories(root);
    write(outside.resolve("a.md"), "not yours");
  }

  @Test
  void agentFolderThatIsALinkIsRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("backend-architect"), outside);

    assertThatThrownBy(() -> new WorkspaceWriter(root).preview(List.of(md("a.md", "x")), RUN))
        .isInstanceOf(WriteException.class).hasMessageContaining("symbolic link");
    assertThat(outside.resolve("a.md")).hasContent("not yours");
  }

  @Test
  void linkInsideTheAgentFolderIsRefused() throws Exception {
    Path agent = root.resolve("backend-architect");
    Files.createDirectories(agent);
    Files.createSymbolicLink(agent.resolve("api"), outside);

    assertThatThrownBy(() -> new WorkspaceWriter(root).preview(List.of(md("api/a.md", "x")), RUN))
        .isInstanceOf(WriteException.class)
        .hasMessageContaining("symbolic link")
        .hasMessageContaining("backend-architect/api");
    assertThat(outside.resolve("a.md")).hasContent("not yours");
  }

  @Test
  void linkAddedBetweenPreviewAndCommitIsRefused() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root);
    ChangeSet changes = writer.preview(List.of(md("a.md", "x")), RUN);
    Files.createDirectories(root.resolve("backend-architect"));
    Files.createSymbolicLink(root.resolve("backend-architect/notes"), outside);

    assertThatThrownBy(() -> writer.commit(changes, "x", "y")).isInstanceOf(WriteException.class)
        .hasMessageContaining("symbolic link");
    assertThat(outside.resolve("a.md")).hasContent("not yours");
  }

  @Test
  void sharedProgressThatIsALinkIsRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("SHARED_PROGRESS.md"), outside.resolve("a.md"));

    assertThatThrownBy(() -> generate(new WorkspaceWriter(root), List.of(md("a.md", "x"))))
        .isInstanceOf(WriteException.class).hasMessageContaining("SHARED_PROGRESS.md");
    assertThat(outside.resolve("a.md")).hasContent("not yours");
    assertThat(root.resolve("backend-architect")).doesNotExist();
  }

  @Test
  void leftoverOldFolderThatIsALinkIsNotRenamedBack() throws Exception {
    Files.createSymbolicLink(root.resolve(".archforge-old-1"), outside);

    assertThatThrownBy(() -> new WorkspaceWriter(root).preview(List.of(md("a.md", "x")), RUN))
        .isInstanceOf(WriteException.class).hasMessageContaining("symbolic link");
    assertThat(root.resolve("backend-architect")).doesNotExist();
    assertThat(outside.resolve("a.md")).hasContent("not yours");
  }
}
