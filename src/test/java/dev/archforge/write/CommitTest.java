package dev.archforge.write;

import static dev.archforge.write.Fixtures.LONG_AGO;
import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.age;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.read;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.model.Artifact;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitTest {
  @TempDir Path tmp;

  private Path root() {
    return tmp.resolve("workspaces");
  }

  private Path agent() {
    return root().resolve("backend-architect");
  }

  @Test
  void writesArtifactsManifestNormalizedInputAndPristineCopies() throws Exception {
    generate(new WorkspaceWriter(root()), List.of(md("b/c.md", "c"), md("a.md", "a")));

    assertThat(agent().resolve("a.md")).hasContent("a");
    assertThat(agent().resolve("b/c.md")).hasContent("c");
    assertThat(agent().resolve(".archforge/pristine/a.md")).hasContent("a");
    assertThat(agent().resolve(".archforge/pristine/b/c.md")).hasContent("c");
    assertThat(agent().resolve(".archforge/requirements.normalized.yaml")).hasContent(RUN.normalizedInput());
    assertThat(read(agent().resolve(".archforge/manifest.json"))).isEqualTo("""
        {
          "format": 1,
          "toolVersion": "0.1.0",
          "inputSha256": "%s",
          "files": [
            {
              "path": "a.md",
              "sha256": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
            },
            {
              "path": "b/c.md",
              "sha256": "2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6"
            }
          ]
        }
        """.formatted(RUN.inputSha256()));
    try (Stream<Path> entries = Files.list(root())) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("backend-architect", "SHARED_PROGRESS.md");
    }
  }

  @Test
  void sameInputGivesByteIdenticalTrees() throws Exception {
    List<Artifact> artifacts = List.of(md("z.md", "z"), md("a/b.md", "b"), md("a.md", "a"));
    generate(new WorkspaceWriter(tmp.resolve("one")), artifacts);
    generate(new WorkspaceWriter(tmp.resolve("two")), artifacts);

    for (String path : List.of("z.md", "a/b.md", ".archforge/manifest.json", "PROGRESS.md")) {
      assertThat(Files.readAllBytes(tmp.resolve("one/backend-architect").resolve(path)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("two/backend-architect").resolve(path)));
    }
  }

  @Test
  void unchangedFilesKeepTheirInodeAndModificationTime() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("same.md", "same"), md("changes.md", "v1")));
    age(root());
    Object sameKey = key(agent().resolve("same.md"));
    Object pristineKey = key(agent().resolve(".archforge/pristine/same.md"));

    generate(writer, List.of(md("same.md", "same"), md("changes.md", "v2")));

    assertThat(Files.getLastModifiedTime(agent().resolve("same.md"))).isEqualTo(LONG_AGO);
    assertThat(key(agent().resolve("same.md"))).isEqualTo(sameKey);
    assertThat(Files.getLastModifiedTime(agent().resolve(".archforge/pristine/same.md"))).isEqualTo(LONG_AGO);
    assertThat(key(agent().resolve(".archforge/pristine/same.md"))).isEqualTo(pristineKey);
    assertThat(agent().resolve("changes.md")).hasContent("v2");
    assertThat(Files.getLastModifiedTime(agent().resolve("changes.md"))).isNotEqualTo(LONG_AGO);
  }

  @Test
  void noOpCommitWritesNothingAtAll() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    List<Artifact> artifacts = List.of(md("a.md", "a"), md("b/c.md", "c"));
    generate(writer, artifacts);
    write(agent().resolve("a.md"), "edited by a person");
    age(root());
    TreeSnapshot before = TreeSnapshot.of(root(), true);

    ChangeSet changes = writer.preview(artifacts, RUN);
    writer.commit(changes, "## should not appear\n", "nor this\n");

    assertThat(changes.isNoOp()).isTrue();
    assertThat(TreeSnapshot.of(root(), true)).isEqualTo(before);
  }

  @Test
  void personFilesAndFoldersSurvive() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("a.md", "v1")));
    write(agent().resolve("notes/mine.md"), "my notes");
    write(agent().resolve(".archforge/history.txt"), "kept too");
    Files.createDirectories(agent().resolve("scratch/empty"));
    age(root());
    Object notesKey = key(agent().resolve("notes/mine.md"));

    generate(writer, List.of(md("a.md", "v2")));

    assertThat(agent().resolve("notes/mine.md")).hasContent("my notes");
    assertThat(key(agent().resolve("notes/mine.md"))).isEqualTo(notesKey);
    assertThat(Files.getLastModifiedTime(agent().resolve("notes/mine.md"))).isEqualTo(LONG_AGO);
    assertThat(agent().resolve(".archforge/history.txt")).hasContent("kept too");
    assertThat(agent().resolve("scratch/empty")).isEmptyDirectory();
  }

  @Test
  void staleFilesAreDeletedUnlessEdited() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("a.md", "a"), md("old/gone.md", "g"), md("old/edited.md", "e")));
    write(agent().resolve("old/edited.md"), "mine now");

    generate(writer, List.of(md("a.md", "a")));

    assertThat(agent().resolve("old/gone.md")).doesNotExist();
    assertThat(agent().resolve(".archforge/pristine/old")).doesNotExist();
    assertThat(agent().resolve("old/edited.md")).hasContent("mine now");
    assertThat(read(agent().resolve(".archforge/manifest.json"))).doesNotContain("old/");
    ChangeSet again = writer.preview(List.of(md("a.md", "a")), RUN);
    assertThat(again.files()).extracting(FileChange::path).containsExactly("a.md");
    assertThat(again.isNoOp()).isTrue();
  }

  @Test
  void staleFolderLeftEmptyIsRemoved() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("a.md", "a"), md("old/gone.md", "g")));
    generate(writer, List.of(md("a.md", "a")));
    assertThat(agent().resolve("old")).doesNotExist();
  }

  @Test
  void keptDeletedRestoredAndUpdatedFilesEndUpAsPromised() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("kept.md", "gen"), md("restored.md", "gen"), md("updated.md", "v1")));
    write(agent().resolve("kept.md"), "mine");
    Files.delete(agent().resolve("restored.md"));

    generate(writer, List.of(md("kept.md", "gen"), md("restored.md", "gen2"), md("updated.md", "v2")));

    assertThat(agent().resolve("kept.md")).hasContent("mine");
    assertThat(agent().resolve(".archforge/pristine/kept.md")).hasContent("gen");
    assertThat(agent().resolve("restored.md")).as("a deleted file stays deleted").doesNotExist();
    assertThat(agent().resolve(".archforge/manifest.json")).content().contains("\"deleted\": [\n    \"restored.md\"");
    assertThat(agent().resolve("updated.md")).hasContent("v2");

    generate(writer, List.of(md("kept.md", "gen"), md("restored.md", "gen3"), md("updated.md", "v2")));
    assertThat(agent().resolve("restored.md")).as("still deleted a run later").doesNotExist();

    generate(new WorkspaceWriter(root(), new WritePolicy(dev.archforge.model.Ownership.DEFAULT, false,
        java.util.Set.of("restored.md"))), List.of(md("kept.md", "gen"), md("restored.md", "gen3"), md("updated.md", "v2")));
    assertThat(agent().resolve("restored.md")).hasContent("gen3");
    assertThat(agent().resolve(".archforge/manifest.json")).content().doesNotContain("deleted");
  }

  @Test
  void refusesBlockedChangesAndWritesNothing() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("a.md", "v1")));
    write(agent().resolve("b.md"), "a person's file where archforge now writes one");
    TreeSnapshot before = TreeSnapshot.of(root(), true);

    ChangeSet changes = writer.preview(List.of(md("a.md", "v2"), md("b.md", "ours")), RUN);

    assertThatThrownBy(() -> writer.commit(changes, "x", "y"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("b.md");
    assertThat(TreeSnapshot.of(root(), true)).isEqualTo(before);
  }

  @Test
  void refusesWhenTheWorkspaceChangedSincePreview() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    generate(writer, List.of(md("a.md", "v1")));
    ChangeSet changes = writer.preview(List.of(md("a.md", "v2")), RUN);
    write(agent().resolve("a.md"), "edited meanwhile");

    assertThatThrownBy(() -> writer.commit(changes, "x", "y"))
        .isInstanceOf(WriteException.class).hasMessageContaining("changed since the preview");
    assertThat(agent().resolve("a.md")).hasContent("edited meanwhile");
  }

  @Test
  void progressLogIsAppendOnly() throws Exception {
    WorkspaceWriter writer = new WorkspaceWriter(root());
    writer.commit(writer.preview(List.of(md("a.md", "v1")), RUN), "## first\n", "s");
    assertThat(agent().resolve("PROGRESS.md")).hasContent("# Progress — backend-architect\n\n## first\n");
    write(agent().resolve("PROGRESS.md"), read(agent().resolve("PROGRESS.md")) + "a person's line, no newline");
    String before = read(agent().resolve("PROGRESS.md"));

    writer.commit(writer.preview(List.of(md("a.md", "v2")), RUN), "## second", "s");

    assertThat(read(agent().resolve("PROGRESS.md"))).isEqualTo(before + "\n\n## second\n");
    assertThat(read(agent().resolve(".archforge/manifest.json"))).doesNotContain("PROGRESS.md");
  }

  private static Object key(Path path) throws Exception {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }
}
