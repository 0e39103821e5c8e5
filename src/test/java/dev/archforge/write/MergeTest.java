package dev.archforge.write;

import static dev.archforge.write.Fixtures.RUN;
import static dev.archforge.write.Fixtures.generate;
import static dev.archforge.write.Fixtures.md;
import static dev.archforge.write.Fixtures.read;
import static dev.archforge.write.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.archforge.model.Artifact;
import dev.archforge.model.Ownership;
import dev.archforge.write.FileChange.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Three-way merges against the pristine copies, conflicts and ownership, as the writer carries them out. */
class MergeTest {
  /** a.md, b.md, c.md, their three pristine copies, the manifest, the normalised input and PROGRESS.md. */
  static final int STAGED = 9;
  static final String BASE = "# Title\n\nintro\n\none\ntwo\nthree\n\nfour\nfive\nsix\n";

  @TempDir Path root;

  private Path agent() {
    return root.resolve("backend-architect");
  }

  @Test
  void editsOnOtherLinesAreMergedAndThePristineCopyIsTheNewGeneratedVersion() throws IOException {
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("a.md", BASE)));
    write(agent().resolve("a.md"), BASE.replace("intro\n", "intro, by a person\n"));

    String next = BASE.replace("five\n", "five (generated)\n");
    ChangeSet changes = generate(writer, List.of(md("a.md", next)));

    assertThat(changes.files()).extracting(FileChange::status).containsExactly(Status.MERGED);
    assertThat(read(agent().resolve("a.md"))).isEqualTo(next.replace("intro\n", "intro, by a person\n"));
    assertThat(read(agent().resolve(".archforge/pristine/a.md"))).isEqualTo(next);
    assertThat(writer.preview(List.of(md("a.md", next)), RUN).isNoOp()).isTrue();
  }

  @Test
  void bothChangingTheSameLinesIsWrittenWithMarkersAndRefusedUntilResolved() throws IOException {
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("a.md", BASE), md("b.md", "b\n")));
    write(agent().resolve("a.md"), BASE.replace("two\n", "two, said the person\n"));
    List<Artifact> second = List.of(md("a.md", BASE.replace("two\n", "two, said the generator\n")), md("b.md", "b2\n"));

    ChangeSet changes = generate(writer, second);

    assertThat(changes.files()).extracting(FileChange::path, FileChange::status, FileChange::conflicts).containsExactly(
        tuple("a.md", Status.CONFLICT, List.of(new FileChange.Lines(6, 10))),
        tuple("b.md", Status.UPDATED, List.of()));
    assertThat(read(agent().resolve("a.md"))).isEqualTo("# Title\n\nintro\n\none\n<<<<<<< yours\n"
        + "two, said the person\n=======\ntwo, said the generator\n>>>>>>> generated\nthree\n\nfour\nfive\nsix\n");
    assertThat(read(agent().resolve("b.md"))).isEqualTo("b2\n");
    assertThat(read(agent().resolve(".archforge/manifest.json"))).contains("\"conflicts\": [\n    \"a.md\"");

    ChangeSet refused = writer.preview(second, RUN);
    assertThat(refused.isBlocked()).isTrue();
    assertThat(refused.withStatus(Status.BLOCKED)).singleElement().extracting(FileChange::conflicts)
        .isEqualTo(List.of(new FileChange.Lines(6, 10)));
    assertThatThrownBy(() -> writer.commit(refused, "x", "y")).isInstanceOf(IllegalStateException.class);

    write(agent().resolve("a.md"), BASE.replace("two\n", "two, as we agreed\n"));
    ChangeSet resolved = generate(writer, second);
    assertThat(resolved.files()).extracting(FileChange::status).containsExactly(Status.KEPT, Status.UNCHANGED);
    assertThat(read(agent().resolve(".archforge/manifest.json"))).doesNotContain("conflicts");
  }

  @Test
  void aRecordWhoseStatusAloneChangesReplacesThePersonsVersionItWasMadeFrom() throws IOException {
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("d.md", "status: proposed\nbody\n")));
    write(agent().resolve("d.md"), "status: accepted\nbody, with a note\n");

    generate(writer, List.of(new Artifact("d.md", "status: superseded by 0018\nbody, with a note\n",
        Artifact.Kind.MARKDOWN, "status: accepted\nbody, with a note\n")));

    assertThat(read(agent().resolve("d.md"))).isEqualTo("status: superseded by 0018\nbody, with a note\n");
  }

  @Test
  void ownershipDecidesBeforeTheMerge() throws IOException {
    Ownership rules = new Ownership(List.of(new Ownership.Rule("managed/**", Ownership.Mode.MANAGED, "o:1:1"),
        new Ownership.Rule("seeded.md", Ownership.Mode.SEEDED, "o:2:1"),
        new Ownership.Rule("ignored.md", Ownership.Mode.IGNORED, "o:3:1")));
    WorkspaceWriter writer = new WorkspaceWriter(root, new WritePolicy(rules, false, Set.of()));
    generate(writer, List.of(md("managed/m.md", "m1\n"), md("seeded.md", "s1\n"), md("ignored.md", "i1\n")));
    assertThat(agent().resolve("ignored.md")).doesNotExist();
    assertThat(read(agent().resolve("seeded.md"))).isEqualTo("s1\n");
    write(agent().resolve("managed/m.md"), "mine\n");

    List<Artifact> second = List.of(md("managed/m.md", "m2\n"), md("seeded.md", "s2\n"), md("ignored.md", "i2\n"));
    ChangeSet blocked = writer.preview(second, RUN);
    assertThat(blocked.files()).extracting(FileChange::path, FileChange::status).containsExactly(
        tuple("ignored.md", Status.SKIPPED), tuple("managed/m.md", Status.BLOCKED), tuple("seeded.md", Status.KEPT));

    generate(new WorkspaceWriter(root, new WritePolicy(rules, true, Set.of())), second);
    assertThat(read(agent().resolve("managed/m.md"))).isEqualTo("m2\n");
    assertThat(read(agent().resolve("seeded.md"))).isEqualTo("s1\n");
    assertThat(read(agent().resolve(".archforge/pristine/seeded.md"))).isEqualTo("s1\n");
    assertThat(agent().resolve("ignored.md")).doesNotExist();
  }

  /** A kill at any point of a commit that merges and writes conflict markers leaves the workspace as it was. */
  @ParameterizedTest(name = "killed after {0} staged files")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
  void aKillDuringAMergingCommitLeavesTheWorkspaceAsItWas(int killAt) throws IOException {
    assertThat(killAt).isLessThanOrEqualTo(STAGED);
    WorkspaceWriter writer = new WorkspaceWriter(root);
    generate(writer, List.of(md("a.md", BASE), md("b.md", BASE), md("c.md", "c\n")));
    write(agent().resolve("a.md"), BASE.replace("intro\n", "intro, by a person\n"));
    write(agent().resolve("b.md"), BASE.replace("two\n", "two, said the person\n"));
    List<Artifact> second = List.of(md("a.md", BASE.replace("six\n", "six!\n")),
        md("b.md", BASE.replace("two\n", "two, said the generator\n")), md("c.md", "c2\n"));
    TreeSnapshot before = TreeSnapshot.of(agent(), true);
    int[] staged = {0};
    WorkspaceWriter killed = new WorkspaceWriter(root, WritePolicy.DEFAULT, path -> {
      if (++staged[0] == killAt) {
        throw new AtomicityTest.Killed();
      }
    });

    ChangeSet changes = killed.preview(second, RUN);
    assertThat(changes.hasConflicts()).isTrue();
    assertThatThrownBy(() -> killed.commit(changes, "## merge\n", "merge")).isInstanceOf(AtomicityTest.Killed.class);

    assertThat(TreeSnapshot.of(agent(), true)).isEqualTo(before);
    assertThat(read(agent().resolve("a.md"))).isEqualTo(BASE.replace("intro\n", "intro, by a person\n"));
    assertThat(read(agent().resolve("b.md"))).isEqualTo(BASE.replace("two\n", "two, said the person\n"));
    assertThat(read(agent().resolve("c.md"))).isEqualTo("c\n");
    assertThat(read(agent().resolve(".archforge/manifest.json"))).doesNotContain("conflicts");

    ChangeSet again = generate(new WorkspaceWriter(root), second);
    assertThat(again).isEqualTo(changes);
    assertThat(read(agent().resolve("a.md"))).isEqualTo(BASE.replace("intro\n", "intro, by a person\n")
        .replace("six\n", "six!\n"));
    assertThat(read(agent().resolve("b.md"))).contains("<<<<<<< yours");
  }
}
