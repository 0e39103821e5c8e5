package dev.archforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns and keys the migrations leave, followed through renamed tables and columns. */
class MigratedColumnsTest {
  private static final String V1 = """
      CREATE TABLE member (
        id bigint NOT NULL,
        email_bidx varchar(64),
        CONSTRAINT pk_member PRIMARY KEY (id)
      );
      CREATE UNIQUE INDEX uq_member_email_bidx ON member (email_bidx);
      """;

  @Test
  void aRenamedTableAndColumnKeepTheirTypesAndKeys() {
    MigratedColumns columns = MigratedColumns.of(List.of(sql("V1__initial_schema.sql", V1),
        sql("V2__rename.sql", """
            ALTER TABLE member RENAME TO patron;
            ALTER TABLE patron RENAME COLUMN email_bidx TO contact_bidx;
            ALTER INDEX uq_member_email_bidx RENAME TO uq_patron_contact_bidx;
            """)), "library");

    assertThat(columns.exists("member")).isFalse();
    assertThat(columns.type("patron", "contact_bidx")).contains("varchar(64)");
    assertThat(columns.keyed("patron", "contact_bidx")).isTrue();
    assertThat(columns.keyed("patron", "email_bidx")).isFalse();
  }

  @Test
  void mySqlRenamesATableItsOwnWay() {
    MigratedColumns columns = MigratedColumns.of(List.of(sql("V1__initial_schema.sql", V1),
        sql("V2__rename.sql", "RENAME TABLE member TO patron;\n")), "library");

    assertThat(columns.exists("patron")).isTrue();
    assertThat(columns.keyed("patron", "email_bidx")).isTrue();
  }

  /** The CREATE TABLEs of a migration are parsed in passes; one JSqlParser cannot read sends its pass one by one. */
  @Test
  void aTableJSqlParserCannotReadLeavesTheOthersRead() {
    MigratedColumns columns = MigratedColumns.of(List.of(sql("V1__initial_schema.sql", V1 + """
        CREATE TABLE broken (id bigint,, note text);
        CREATE TABLE loan (id bigint NOT NULL, due_on date NOT NULL);
        """)), "library");

    assertThat(columns.type("member", "email_bidx")).contains("varchar(64)");
    assertThat(columns.type("loan", "due_on")).contains("date");
    assertThat(columns.exists("broken")).isFalse();
    assertThat(MigratedColumns.of(List.of(sql("V1__initial_schema.sql", V1)), "library").keyed("member", "email_bidx"))
        .isTrue();
  }

  private static Artifact sql(String file, String content) {
    return new Artifact("db/library/migrations/" + file, content, Artifact.Kind.TEXT);
  }
}
