package dev.archforge.deliverable.migrations;

import dev.archforge.validate.Finding;
import dev.archforge.validate.JSqlParserPasses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The static SQL check: every statement parses, and the schema the file builds hangs together. */
class SqlValidatorTest {
  private static final String PATH = "db/shop/migrations/V1__initial_schema.sql";
  private final SqlValidator validator = new SqlValidator();

  private List<Finding> check(String sql) {
    return validator.validate(new Artifact(PATH, sql, MigrationsDeliverable.KIND));
  }

  @Test
  void acceptsOnlySqlFiles() {
    assertThat(validator.accepts(new Artifact(PATH, "", MigrationsDeliverable.KIND))).isTrue();
    assertThat(validator.accepts(new Artifact("db/README.md", "", Artifact.Kind.MARKDOWN))).isFalse();
  }

  @Test
  void aValidPostgresMigrationHasNoFindings() {
    assertThat(check("""
        -- header
        CREATE TABLE item (
          id uuid NOT NULL DEFAULT gen_random_uuid(),
          sample varchar(10) DEFAULT 'it''s; not the end',
          parent_id uuid,
          deleted_at timestamptz,
          CONSTRAINT pk_item PRIMARY KEY (id),
          CONSTRAINT ck_item_sample CHECK (sample IN ('a', 'b'))
        );
        COMMENT ON TABLE item IS 'Items; with a semicolon';
        COMMENT ON COLUMN item.sample IS 'x';
        CREATE UNIQUE INDEX uq_item_sample ON item (sample) WHERE deleted_at IS NULL;
        CREATE INDEX ix_item_parent_id ON item (parent_id);
        ALTER TABLE item ADD CONSTRAINT fk_item_parent_id FOREIGN KEY (parent_id) REFERENCES item (id) ON DELETE SET NULL;
        ALTER TABLE item ENABLE ROW LEVEL SECURITY;
        ALTER TABLE item FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON item USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
          WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
        """)).isEmpty();
  }

  @Test
  void statementsParsedAheadParseAsEachDoesAloneAndAPassThatFailsIsLeftToThemOneByOne() throws Exception {
    List<String> clean = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      clean.add(i % 2 == 0 ? "CREATE TABLE t" + i + " (id uuid NOT NULL, name varchar(40), CONSTRAINT pk_t" + i
          + " PRIMARY KEY (id))" : "COMMENT ON COLUMN t" + (i - 1) + ".name IS 'The name; of " + i + "'");
    }
    List<String> needsQuoting = List.of("CREATE TABLE item (id uuid NOT NULL, sample varchar(10))",
        "COMMENT ON COLUMN item.sample IS 'x'");
    List<String> all = new java.util.ArrayList<>(clean);
    all.addAll(needsQuoting);

    var ahead = JSqlParserPasses.parse(all);

    assertThat(ahead.keySet()).containsExactlyInAnyOrderElementsOf(clean);
    for (String sql : clean) {
      assertThat(ahead.get(sql)).hasToString(JSqlParsing.parse(sql).toString());
    }
    assertThat(check(String.join(";\n", all) + ";\n")).isEmpty();
  }

  @Test
  void aStatementThatDoesNotParseIsReportedAtTheLineOfTheToken() {
    List<Finding> findings = check("""
        CREATE TABLE item (
          id uuid NOT NULL,
          CONSTRAINT pk_item PRIMARY KEY (id)
        );

        CREATE TABLE other (
          id uuid NOT NULL,,
          CONSTRAINT pk_other PRIMARY KEY (id)
        );
        """);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(PATH);
      assertThat(f.line()).isEqualTo(7);
      assertThat(f.message()).startsWith("not valid SQL").contains("\",\"");
      assertThat(f.toString()).startsWith(PATH + ":7: not valid SQL");
    });
  }

  @Test
  void anUnterminatedLiteralIsReportedWhereItStarts() {
    assertThat(check("CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'oops;\n"))
        .singleElement().satisfies(f -> {
          assertThat(f.line()).isEqualTo(2);
          assertThat(f.message()).contains("unterminated string literal");
        });
  }

  @Test
  void reservedAndOverlongNamesAreFound() {
    List<Finding> findings = check("""
        CREATE TABLE order (
          id bigint NOT NULL,
          a_column_name_that_is_much_too_long_for_postgresql_to_keep_whole_xx int,
          CONSTRAINT pk_order PRIMARY KEY (id)
        );
        CREATE TABLE "group" (id bigint NOT NULL, CONSTRAINT pk_group PRIMARY KEY (id));
        """);

    assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
        .contains("order").containsAnyOf("reserved", "not valid SQL"));
  }

  @Test
  void aTooLongNameIsFound() {
    assertThat(check("""
        CREATE TABLE item (
          id bigint NOT NULL,
          a_column_name_that_is_much_too_long_for_postgresql_to_keep_whole_xx int,
          CONSTRAINT pk_item PRIMARY KEY (id)
        );
        """)).singleElement().satisfies(f -> assertThat(f.message()).contains("has 67 characters"));
  }

  @Test
  void aForeignKeyNeedsAnIndexAndAnOnDeleteRule() {
    List<Finding> findings = check("""
        CREATE TABLE parent (id uuid NOT NULL, CONSTRAINT pk_parent PRIMARY KEY (id));
        CREATE TABLE child (id uuid NOT NULL, parent_id uuid, CONSTRAINT pk_child PRIMARY KEY (id));
        ALTER TABLE child ADD CONSTRAINT fk_child_parent_id FOREIGN KEY (parent_id) REFERENCES parent (id);
        """);

    assertThat(findings).extracting(Finding::message).containsExactlyInAnyOrder(
        "foreign key fk_child_parent_id does not say what happens ON DELETE",
        "foreign key fk_child_parent_id on child(parent_id) has no index that starts with parent_id");
    assertThat(findings).allSatisfy(f -> assertThat(f.line()).isEqualTo(3));
  }

  @Test
  void missingTablesColumnsAndTwiceUsedNamesAreFound() {
    List<Finding> findings = check("""
        CREATE TABLE item (id uuid NOT NULL, CONSTRAINT pk_item PRIMARY KEY (id));
        CREATE INDEX ix_item_name ON item (name);
        CREATE INDEX ix_item_name ON item (id);
        COMMENT ON TABLE nothing IS 'x';
        """);

    assertThat(findings).extracting(Finding::toString).containsExactlyInAnyOrder(
        PATH + ":2: table item has no column name [sql]",
        PATH + ":3: index name ix_item_name is used twice [sql]",
        PATH + ":4: table nothing is not created in this file [sql]");
  }

  @Test
  void mysqlLiteralsWithBackslashesAndInlineKeysAreUnderstood() {
    assertThat(check("""
        -- V1__initial_schema.sql: the tables of the shop service, for MySQL 8.0.16+ (also MariaDB 10.11).
        CREATE TABLE item (
          id char(36) NOT NULL DEFAULT (uuid()),
          label varchar(40) DEFAULT 'ends in a backslash \\\\',
          body text COMMENT 'it''s \\\\ fine; really',
          parent_id char(36),
          live_key tinyint GENERATED ALWAYS AS (CASE WHEN label IS NULL THEN 1 END) VIRTUAL,
          PRIMARY KEY (id),
          UNIQUE KEY uq_item_label (label, live_key),
          KEY ix_item_body (body(255), id),
          KEY ix_item_parent_id (parent_id)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='x';
        ALTER TABLE item ADD CONSTRAINT fk_item_parent_id FOREIGN KEY (parent_id) REFERENCES item (id) ON DELETE SET NULL;
        """)).isEmpty();
  }

  @Test
  void statementsOutsideMigrationsOwnKindsAreLeftToTheDatabase() {
    assertThat(check("""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.updated_at := now(); RETURN NEW; END; $$;
        INSERT INTO flags (name) VALUES ('a;b');
        """)).isEmpty();
  }

  @Test
  void textThatIsNoStatementAtAllIsAFinding() {
    assertThat(check("CREAT TABLE item (id int);\n")).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("not valid SQL").contains("CREAT"));
  }

  @Test
  void anEmptyFileIsAFinding() {
    assertThat(check("-- nothing here\n")).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("no SQL statement in the file"));
  }
}
