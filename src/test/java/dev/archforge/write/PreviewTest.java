package dev.archforge.write;

import static dev.archforge.write.FileChange.Status.BLOCKED;
import static dev.archforge.write.FileChange.Status.CONFLICT;
import static dev.archforge.write.FileChange.Status.SKIPPED;
import static dev.archforge.write.FileChange.Status.DELETED;
import static dev.archforge.write.FileChange.Status.KEPT;
import static dev.archforge.write.FileChange.Status.UNCHANGED;
import static dev.archforge.write.FileChange.Status.UPDATED;
import static dev.archforge.write.FileChange.Status.WRITTEN;
import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.archforge.model.Artifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {
  @TempDir Path tmp;

  @Test
  void firstRunWritesEverythingAndPreviewTouchesNothing() {
    Path root = tmp.resolve("workspaces");
    ChangeSet changes = new WorkspaceWriter(root).preview(List.of(md("api/x/openapi.yaml", "b"), md("README.md", "a")), RUN);

    assertThat(changes.files()).extracting(FileChange::path, FileChange::status)
        .containsExactly(tuple("README.md", WRITTEN), tuple("api/x/openapi.yaml", WRITTEN));
    assertThat(changes.isNoOp()).isFalse();
    assertThat(root).doesNotExist();
  }

  @Test
  void comparesWithDiskAndManifest() throws Exception {
    Path root = tmp.resolve("workspaces");
    Path agent = root.resolve("backend-architect");
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("same.md", "same"), md("updated.md", "v1"), md("kept.md", "v1"),
        md("conflict.md", "v1"), md("restored.md", "v1"), md("gone.md", "v1"), md("edited-gone.md", "v1")));
    write(agent.resolve("kept.md"), "mine");
    write(agent.resolve("conflict.md"), "mine");
    write(agent.resolve("edited-gone.md"), "mine");
    Files.delete(agent.resolve("restored.md"));
    write(agent.resolve("foreign.md"), "a person's file");
    write(agent.resolve("foreign-same.md"), "identical");

    ChangeSet changes = writer.preview(List.of(md("same.md", "same"), md("updated.md", "v2"), md("kept.md", "v1"),
        md("conflict.md", "v2"), md("restored.md", "v1"), md("foreign.md", "ours"),
        md("foreign-same.md", "identical"), md("new.md", "new")), RUN);

    assertThat(changes.files()).extracting(FileChange::path, FileChange::status).containsExactly(
        tuple("conflict.md", CONFLICT),
        tuple("edited-gone.md", KEPT),
        tuple("foreign-same.md", UNCHANGED),
        tuple("foreign.md", BLOCKED),
        tuple("gone.md", DELETED),
        tuple("kept.md", KEPT),
        tuple("new.md", WRITTEN),
        tuple("restored.md", SKIPPED),
        tuple("same.md", UNCHANGED),
        tuple("updated.md", UPDATED));
    assertThat(changes.files()).filteredOn(f -> f.path().equals("edited-gone.md")).extracting(FileChange::reason)
        .containsExactly("no longer generated; kept because you edited it");
    assertThat(changes.files()).filteredOn(f -> f.path().equals("conflict.md")).extracting(FileChange::conflicts)
        .containsExactly(List.of(new FileChange.Lines(1, 5)));
    assertThat(changes.files()).filteredOn(f -> f.path().equals("restored.md")).extracting(FileChange::reason)
        .singleElement().asString().contains("--restore restored.md");
    assertThat(changes.hasConflicts()).isTrue();
    assertThat(changes.isBlocked()).isTrue();
    assertThat(changes.count(CONFLICT)).isEqualTo(1);
  }

  @Test
  void identicalRerunIsNoOpButNotWhenToolVersionOrPristineDiffers() throws Exception {
    Path root = tmp.resolve("workspaces");
    WorkspaceWriter writer = new WorkspaceWriter(root);
    List<Artifact> artifacts = List.of(md("a.md", "a"), md("b/c.md", "c"));
    generate(writer, artifacts);

    assertThat(writer.preview(artifacts, RUN).isNoOp()).isTrue();
    RunRecord newer = new RunRecord("0.2.0", RUN.inputSha256(), RUN.normalizedInput());
    ChangeSet upgraded = writer.preview(artifacts, newer);
    assertThat(upgraded.files()).extracting(FileChange::status).containsOnly(UNCHANGED);
    assertThat(upgraded.isNoOp()).isFalse();

    Files.delete(root.resolve("backend-architect/.archforge/pristine/b/c.md"));
    assertThat(writer.preview(artifacts, RUN).isNoOp()).isFalse();
  }

  @Test
  void personEditedFileWithUnchangedGenerationStaysNoOp() throws Exception {
    Path root = tmp.resolve("workspaces");
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("a.md", "a")));
    write(root.resolve("backend-architect/a.md"), "edited");

    ChangeSet changes = writer.preview(List.of(md("a.md", "a")), RUN);
    assertThat(changes.files()).extracting(FileChange::status).containsExactly(KEPT);
    assertThat(changes.isNoOp()).isTrue();
  }

  @Test
  void folderOrFileInTheWayIsConflict() throws Exception {
    Path root = tmp.resolve("workspaces");
    Path agent = root.resolve("backend-architect");
    Files.createDirectories(agent.resolve("api/x"));
    write(agent.resolve("deploy"), "a person's file named like our folder");

    ChangeSet changes = new WorkspaceWriter(root).preview(List.of(md("api/x", "x"), md("deploy/Dockerfile", "FROM x")), RUN);

    assertThat(changes.files()).extracting(FileChange::path, FileChange::status, FileChange::reason).containsExactly(
        tuple("api/x", BLOCKED, "a folder is in the way; move it away, then run again"),
        tuple("deploy/Dockerfile", BLOCKED, "deploy is a file where a folder is needed; move it away, then run again"));
  }

  @Test
  void generatedFileReplacedByFolderOfSameNameIsNoConflictWhenUnedited() {
    Path root = tmp.resolve("workspaces");
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("deploy", "old layout")));

    ChangeSet changes = writer.preview(List.of(md("deploy/Dockerfile", "FROM x")), RUN);

    assertThat(changes.files()).extracting(FileChange::path, FileChange::status)
        .containsExactly(tuple("deploy", DELETED), tuple("deploy/Dockerfile", WRITTEN));
    generate(writer, List.of(md("deploy/Dockerfile", "FROM x")));
    assertThat(root.resolve("backend-architect/deploy/Dockerfile")).hasContent("FROM x");
  }

  @Test
  void rejectsArtifactsTheWriterCannotPlace() {
    WorkspaceWriter writer = new WorkspaceWriter(tmp);
    assertThatThrownBy(() -> writer.preview(List.of(md("PROGRESS.md", "x")), RUN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("work log");
    assertThatThrownBy(() -> writer.preview(List.of(md("a.md", "x"), md("a.md", "y")), RUN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two artifacts");
    assertThatThrownBy(() -> writer.preview(List.of(md("a", "x"), md("a/b.md", "y")), RUN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both a file and a folder");
  }

  @Test
  void damagedManifestIsAClearError() throws Exception {
    write(tmp.resolve("backend-architect/.archforge/manifest.json"), "{ not json");
    assertThatThrownBy(() -> new WorkspaceWriter(tmp).preview(List.of(md("a.md", "x")), RUN))
        .isInstanceOf(WriteException.class).hasMessageContaining("manifest.json is not valid JSON");
  }

  @Test
  void manifestNamingAPathOutsideIsRefused() throws Exception {
    write(tmp.resolve("backend-architect/.archforge/manifest.json"),
        "{\"format\":1,\"files\":[{\"path\":\"../../etc/passwd\",\"sha256\":\"00\"}]}");
    assertThatThrownBy(() -> new WorkspaceWriter(tmp).preview(List.of(md("a.md", "x")), RUN))
        .isInstanceOf(WriteException.class).hasMessageContaining("unsafe path: ../../etc/passwd");
  }
}
