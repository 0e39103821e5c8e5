package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables the delivery of events needs are part of the schema the requirements give, so on a
 * workspace that has run before they arrive in the next migration, never by rewriting V1.
 */
class MessageTablesMigrationTest {
  private static final EvolvingModel NOTES = new EvolvingModel(99.5, "postgresql",
      List.of(new Ent("Note", List.of(new Fld("body", "type: text")))));

  /** The same service once it publishes an event, in-process (no broker): the event publication table. */
  private static String publishing() {
    return NOTES.yaml().replace("    entities: [Note]\n", "    entities: [Note]\n    publishes: [NoteAdded]\n")
        + "events:\n  NoteAdded:\n    fields:\n      noteId: { type: uuid, required: true }\n";
  }

  @Test
  void aServiceThatStartsPublishingGetsItsTableInTheNextMigration(@TempDir Path root) {
    Generations.generate(root, NOTES, false);
    String v1 = Generations.read(root, "V1__initial_schema.sql");
    assertThat(v1).doesNotContain("event_publication");

    Generations.generate(root, publishing(), false, List.of());

    assertThat(Generations.read(root, "V1__initial_schema.sql")).isEqualTo(v1);
    List<String> files = Generations.migrations(root);
    assertThat(files).hasSize(2).first().isEqualTo("V1__initial_schema.sql");
    assertThat(Generations.read(root, files.get(1))).contains("CREATE TABLE event_publication (")
        .contains("completion_date");
  }
}
