package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.MigrationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code that needs consent: the change stops the run without {@code --allow-destructive}
 * (exit 4, the message names the code and the way to consent, not a byte of the workspace
 * changes) and is written with it, listed in the migration's header.
 */
class DestructiveChangesTest {
  private static final Fld TITLE = new Fld("title", "type: string, maxLength: 80");
  private static final Fld PAGES = new Fld("pages", "type: integer");

  private static EvolvingModel base() {
    return new EvolvingModel(99.5, "postgresql", List.of(new Ent("Book", List.of(TITLE, PAGES)),
        new Ent("Shelf", List.of(new Fld("label", "type: string, maxLength: 20")))));
  }

  private static UnaryOperator<EvolvingModel> book(Fld... fields) {
    return m -> m.with(EvolvingModel.replace(m.entities(), m.entities().get(0), new Ent("Book", List.of(fields))));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("DS101", (UnaryOperator<EvolvingModel>) m -> m.with(List.of(m.entities().get(0)))),
        Arguments.of("DS102", book(TITLE)),
        Arguments.of("DS103", book(new Fld("title", "type: string, maxLength: 40"), PAGES)),
        Arguments.of("MF101", book(new Fld("title", "type: string, maxLength: 80, required: true"), PAGES)),
        Arguments.of("MF102", book(new Fld("title", "type: string, maxLength: 80, unique: true"), PAGES)),
        Arguments.of("MF103", book(TITLE, PAGES, new Fld("isbn", "type: string, maxLength: 13, required: true"))),
        Arguments.of("MF104", book(TITLE, new Fld("pages", "type: integer, min: 1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void stopsWithoutConsentAndIsWrittenWithIt(String code, UnaryOperator<EvolvingModel> change, @TempDir Path root)
      throws IOException {
    Generations.generate(root, base(), false);
    Map<String, String> before = tree(Generations.agent(root));

    assertThatThrownBy(() -> Generations.generate(root, change.apply(base()), false))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NEEDS_PERSON))
        .hasMessageContaining(": " + code + " ").hasMessageContaining("--allow-destructive")
        .hasMessageContaining("nothing was written");
    assertThat(tree(Generations.agent(root))).isEqualTo(before);

    GenerateResult result = Generations.generate(root, change.apply(base()), true);
    MigrationReport migration = result.migrations().get(0);
    assertThat(migration.changes()).filteredOn(c -> c.code().equals(code)).singleElement()
        .satisfies(c -> assertThat(c.destructive()).isTrue());
    String file = migration.path().substring(migration.path().lastIndexOf('/') + 1);
    assertThat(Generations.migrations(root)).containsExactly("V1__initial_schema.sql", file);
    assertThat(Generations.read(root, file)).contains("-- Destructive or data-dependent changes, written with"
        + " --allow-destructive").contains("--   " + code + " ");
  }

  /** Every file of the agent folder, .archforge/ included, by path. */
  private static Map<String, String> tree(Path agent) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(agent)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(agent.relativize(f).toString(), Files.readString(f) + "@" + Files.getLastModifiedTime(f));
      }
    }
    return files;
  }
}
