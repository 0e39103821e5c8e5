package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sections of a change report: the input keys that changed, and the migrations a run writes. */
class ChangeReportTest {
  @Test
  void theMigrationsAreTheNewFilesOfAMigrationsFolder() {
    List<FileChange> files = List.of(new FileChange("db/notes/migrations/V1__initial_schema.sql", Status.UNCHANGED, ""),
        new FileChange("db/notes/migrations/V2__add_tag.sql", Status.WRITTEN, "new"),
        new FileChange("db/README.md", Status.WRITTEN, "new"),
        new FileChange("db/notes/migrations/V3__x.sql", Status.SKIPPED, "you deleted it"));

    assertThat(Regeneration.migrations(files)).extracting(FileChange::path)
        .containsExactly("db/notes/migrations/V2__add_tag.sql");
  }

  @Test
  void aWholeNewEntityIsOneChangeAndWhereAKeyIsWrittenIsNone() {
    String before = "requirements:\n  scale:\n    peakRps: 200\n  entities:\n  - name: Note\n    fields:\n"
        + "    - name: body\n      type: text\n  entityLocations:\n    Note: a.yaml:3:5\ndecisions:\n  caching: none\n";
    String after = "requirements:\n  scale:\n    peakRps: 5000\n  entities:\n  - name: Note\n    fields:\n"
        + "    - name: body\n      type: text\n  - name: Tag\n    fields:\n    - name: label\n      type: string\n"
        + "  entityLocations:\n    Note: a.yaml:3:5\n    Tag: a.yaml:9:5\ndecisions:\n  caching: redis\n";

    assertThat(Normalized.changes(before, after)).extracting(ChangeReport.InputChange::toString)
        .containsExactly("entities[Tag]: added (…)", "scale.peakRps: 200 → 5000");
    assertThat(Normalized.changes("", after)).as("a first run has nothing to compare with").isEmpty();
  }
}
