package dev.archforge.facts.schema;

import dev.archforge.facts.schema.ReservedWords;
import dev.archforge.facts.schema.SqlNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SQL naming rule: snake_case, reserved words suffixed, long names cut with a hash. */
class SqlNamesTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"OrderLine, order_line", "User, user_", "Order, order_", "Group, group_", "HTTPServer, http_server",
      "Sample, sample", "Key, key_", "Groups, groups_"})
  void tablesAreSnakeCaseAndNeverAReservedWord(String entity, String table) {
    assertThat(SqlNames.table(entity)).isEqualTo(table);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"fullName, full_name", "from, from_", "order, order_", "key, key_", "line1, line1", "apiToken, api_token",
      "status, status"})
  void columnsAreSnakeCaseAndNeverAReservedWord(String field, String column) {
    assertThat(SqlNames.column(field)).isEqualTo(column);
  }

  @Test
  void relationsServicesAndJoinTablesFollowTheSameRule() {
    assertThat(SqlNames.foreignKey("invitedBy")).isEqualTo("invited_by_id");
    assertThat(SqlNames.foreignKey("order")).isEqualTo("order_id");
    assertThat(SqlNames.schema("order")).isEqualTo("order_");
    assertThat(SqlNames.schema("workspace-graph")).isEqualTo("workspace_graph");
    assertThat(SqlNames.joinTable("Member", "teams")).isEqualTo("member_team");
    assertThat(SqlNames.joinOwnerColumn("Tag")).isEqualTo("tag_id");
    assertThat(SqlNames.joinTargetColumn("Tag", "tags")).isEqualTo("related_tag_id");
    assertThat(SqlNames.joinTargetColumn("User", "groups")).isEqualTo("group_id");
    assertThat(SqlNames.constraint("fk", "order_line", List.of("order_id"))).isEqualTo("fk_order_line_order_id");
    assertThat(SqlNames.constraint("pk", "order_", List.of())).isEqualTo("pk_order_");
  }

  @Test
  void everyReservedWordOfEitherDatabaseIsAvoided() {
    for (String word : ReservedWords.ALL) {
      assertThat(SqlNames.identifier(word)).as(word).isEqualTo(word + "_");
      assertThat(SqlNames.isReserved(SqlNames.identifier(word))).as(word).isFalse();
    }
    assertThat(ReservedWords.ALL).contains("user", "order", "group", "from", "groups", "key", "offset", "rank");
  }

  @Test
  void namesPastSixtyThreeCharactersAreCutWithAHashOfTheWholeName() {
    String entity = "ExtraordinarilyLongEntityNameThatCheckHowIdentifiersAreShortened";
    assertThat(entity).hasSize(64);
    String table = SqlNames.table(entity);
    assertThat(table).hasSize(SqlNames.MAX_LENGTH).matches("extraordinarily_long_entity_name_that_check_how_identi_[0-9a-f]{8}")
        .isEqualTo(SqlNames.table(entity));
    String other = SqlNames.table("ExtraordinarilyLongEntityNameThatCheckHowIdentifiersAreSplitUp");
    assertThat(other).hasSize(SqlNames.MAX_LENGTH).isNotEqualTo(table);
    assertThat(SqlNames.constraint("ix", table, List.of(SqlNames.column(
        "extraordinarilyLongFieldNameThatChecksHowColumnNamesGetShortened")))).hasSizeLessThanOrEqualTo(63);
    assertThat(SqlNames.table("Short")).isEqualTo("short");
  }

  @Test
  void shortenedNamesStayDistinct() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(SqlNames.identifier("a_very_long_prefix_that_is_the_same_for_every_one_of_these_names_" + i));
    }
    assertThat(names).hasSize(1000).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(63));
  }

  @Test
  void theFormatRefusesNamesLongerThanSixtyFourCharactersSoSeventyNeverReachesSql() {
    String seventy = "A" + "b".repeat(69);
    LoadResult loaded = new RequirementsLoader().load("long.yaml", """
        archforge: 1
        project: { name: lab }
        services:
          lab: { entities: [Note] }
        entities:
          %s:
            fields:
              body: string
          Note:
            fields:
              %s: string
        """.formatted(seventy, "f" + "x".repeat(69)));

    assertThat(loaded.errors()).extracting(Object::toString).anySatisfy(e -> assertThat(e)
        .contains("entity '" + seventy + "' is not a valid name")).anySatisfy(e -> assertThat(e)
        .contains("field 'f" + "x".repeat(69) + "' is not a valid name"));
  }
}
