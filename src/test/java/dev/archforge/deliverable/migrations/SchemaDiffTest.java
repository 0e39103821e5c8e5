package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.migrations.EvolvingModel.Ent;
import dev.archforge.deliverable.migrations.EvolvingModel.Fld;
import dev.archforge.facts.schema.Renames;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.SchemaChange;
import dev.archforge.facts.schema.SchemaDiff;
import dev.archforge.facts.schema.Schemas;
import dev.archforge.facts.schema.Snapshot;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.facts.schema.SnapshotJson;
import dev.archforge.model.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The codes the diff gives a field's change, from the old and new spec of one field: what needs
 * consent and what does not, below and at high availability (type changes as expand/contract).
 * Renames only by renamedFrom; a snapshot reads back as it was written.
 */
class SchemaDiffTest {
  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      type: string, maxLength: 40                  | type: string, maxLength: 80                   | SC103
      type: string, maxLength: 40                  | type: string, maxLength: 20                   | DS103
      type: integer                                | type: long                                    | SC103
      type: long                                   | type: integer                                 | DS103
      type: decimal, precision: 8, scale: 2        | type: decimal, precision: 10, scale: 3        | SC103
      type: decimal, precision: 8, scale: 2        | type: decimal, precision: 8, scale: 3         | DS103
      type: string, maxLength: 40                  | type: integer                                 | DS103
      type: string, maxLength: 40, required: true  | type: string, maxLength: 40                   | SC104
      type: string, maxLength: 40                  | type: string, maxLength: 40, required: true   | MF101
      type: integer                                | type: integer, required: true, default: 0     | SC108
      type: integer                                | type: integer, default: 7                     | SC105
      type: string, maxLength: 40                  | type: string, maxLength: 40, unique: true     | MF102
      type: string, maxLength: 40, unique: true    | type: string, maxLength: 40                   | SC107
      type: string, maxLength: 40                  | type: string, maxLength: 40, indexed: true    | SC106
      type: integer                                | type: integer, min: 0                         | MF104
      type: integer, min: 0                        | type: integer, min: -5                        | SC106
      type: integer, min: 0                        | type: integer, min: 5                         | MF104
      type: enum, values: [a, b]                   | type: enum, values: [a, b, c]                 | SC106
      type: enum, values: [a, b]                   | type: enum, values: [a]                       | MF104
      type: string, maxLength: 40                  | type: string, maxLength: 40, description: Hi  | SC109
      """)
  void aFieldsChangeGetsItsCode(String from, String to, String code) {
    assertThat(codes(model(new Fld("label", from)), model(new Fld("label", to)), "postgresql")).contains(code)
        .allMatch(c -> c.startsWith("SC") || c.equals(code));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"postgresql", "mysql"})
  void aFieldRenamedWithoutRenamedFromIsDroppedAndAddedAndWithItRenamed(String database) {
    EvolvingModel before = model(new Fld("label", "type: string, maxLength: 40"));

    assertThat(codes(before, model(new Fld("title", "type: string, maxLength: 40")), database))
        .containsExactlyInAnyOrder("DS102", "SC102");
    assertThat(codes(before, model(new Fld("title", "type: string, maxLength: 40", "label")), database))
        .containsExactly("BC101");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"postgresql", "mysql"})
  void aSnapshotReadsBackAsItWasWritten(String database) {
    Plan plan = plan(model(new Fld("label", "type: string, maxLength: 40, unique: true")).with(
        SchemaEvolutionTest.library(99.5, database).entities()), database);
    Snapshot snapshot = Snapshot.of(new Schemas(plan).of(plan.requirements().services().get(0),
        new Schemas(plan).dialect().orElseThrow()));

    assertThat(SnapshotJson.read(SnapshotJson.write(snapshot))).isEqualTo(snapshot);
    assertThat(SnapshotJson.write(SnapshotJson.read(SnapshotJson.write(snapshot)))).isEqualTo(SnapshotJson.write(snapshot));
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      type: string, maxLength: 40                  | type: string, maxLength: 80                   | SC103
      type: integer                                | type: long                                    | SC103
      type: string, maxLength: 40                  | type: string, maxLength: 20                   | EC103
      type: string, maxLength: 40                  | type: integer                                 | EC103
      type: integer                                | type: string, maxLength: 40                   | EC103
      type: date                                   | type: datetime                                | EC103
      """)
  void atHighAvailabilityATypeChangeIsExpandedAndAWideningStaysInPlace(String from, String to, String code) {
    for (String database : List.of("postgresql", "mysql")) {
      assertThat(codes(model(new Fld("label", from)), model(new Fld("label", to)), database, true)).containsExactly(code);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"postgresql", "mysql"})
  void theExpandedColumnIsTheColumnAndNextShortenedLikeEveryName(String database) {
    String field = "a" + "b".repeat(59);
    Plan old = plan(model(new Fld(field, "type: integer")), database);
    Plan next = plan(model(new Fld(field, "type: string, maxLength: 9")), database);
    SchemaDiff.Result expand = diff(old, next, true);

    assertThat(expand.changes()).singleElement().satisfies(c -> assertThat(c.statement())
        .contains(" " + SqlNames.shorten(field + "__next") + " ").doesNotContain(field + "__next"));
    assertThat(expand.after().expansions()).singleElement().satisfies(e -> assertThat(e.retype()).isTrue());
    assertThat(SnapshotJson.read(SnapshotJson.write(expand.after()))).isEqualTo(expand.after());
    assertThat(SchemaDiff.of(expand.after(), schema(next), Renames.NONE, true).changes())
        .extracting(c -> c.code().name()).containsExactly("EC104");
  }

  private static EvolvingModel model(Fld field) {
    return new EvolvingModel(99.5, "postgresql", List.of(new Ent("Note", List.of(field,
        new Fld("body", "type: text")))));
  }

  private static List<String> codes(EvolvingModel before, EvolvingModel after, String database) {
    return codes(before, after, database, false);
  }

  private static List<String> codes(EvolvingModel before, EvolvingModel after, String database, boolean expand) {
    return diff(plan(before, database), plan(after, database), expand).changes().stream().map(SchemaChange::code)
        .map(Enum::name).toList();
  }

  private static SchemaDiff.Result diff(Plan old, Plan next, boolean expand) {
    return SchemaDiff.of(Snapshot.of(schema(old)), schema(next), Renames.of(next.requirements()), expand);
  }

  private static Schema schema(Plan plan) {
    Schemas schemas = new Schemas(plan);
    return schemas.of(plan.requirements().services().get(0), schemas.dialect().orElseThrow());
  }

  private static Plan plan(EvolvingModel m, String database) {
    EvolvingModel in = new EvolvingModel(m.availability(), database, m.entities());
    return MigrationPlans.decide(MigrationPlans.load("note.yaml", in.yaml()), Map.of());
  }
}
