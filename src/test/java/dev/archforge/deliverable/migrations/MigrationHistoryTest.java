package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations already written are history: carried from the workspace as they are, whatever the
 * templates say now; a workspace written before schema snapshots is taken on only when its V1 is
 * what the requirements give.
 */
class MigrationHistoryTest {
  private static final EvolvingModel NOTES = new EvolvingModel(99.5, "postgresql",
      List.of(new Ent("Note", List.of(new Fld("body", "type: text")))));
  private static final EvolvingModel MORE = NOTES.with(List.of(new Ent("Note", List.of(new Fld("body", "type: text"),
      new Fld("title", "type: string, maxLength: 80")))));

  @Test
  void anExistingMigrationIsCarriedAsItIsWhenTheTemplatesChange(@TempDir Path root) throws IOException {
    Generations.generate(root, NOTES, false);
    String v1 = Generations.read(root, "V1__initial_schema.sql");
    Path overlay = root.resolve("templates/migrations");
    Files.createDirectories(overlay);
    Files.writeString(overlay.resolve("postgresql.sql.ftl"), "-- another V1\nCREATE TABLE other (id uuid PRIMARY KEY);\n");

    Generations.generate(root, MORE, false, List.of(root.resolve("templates")));

    assertThat(Generations.read(root, "V1__initial_schema.sql")).isEqualTo(v1);
    assertThat(Generations.migrations(root)).containsExactly("V1__initial_schema.sql", "V2__add_note_title.sql");
  }

  @Test
  void aWorkspaceWithoutASnapshotIsTakenOnWhenItsV1IsWhatTheRequirementsGive(@TempDir Path root) throws IOException {
    Generations.generate(root, NOTES, false);
    Path snapshot = Generations.agent(root).resolve(".archforge/schema/library.json");
    String json = Files.readString(snapshot);
    Files.delete(snapshot);

    assertThat(Generations.generate(root, NOTES, false).migrations()).isEmpty();
    assertThat(Files.readString(snapshot)).isEqualTo(json);

    Files.delete(snapshot);
    assertThatThrownBy(() -> Generations.generate(root, MORE, false))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageContaining("without a record of the schema they produce")
        .hasMessageContaining("run archforge once on the requirements they were written from");
    assertThat(Generations.migrations(root)).containsExactly("V1__initial_schema.sql");
  }
}
