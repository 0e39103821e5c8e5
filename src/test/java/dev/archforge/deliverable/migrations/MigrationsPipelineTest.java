package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.migrations.SqlValidator;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's render and validate stages with the migrations deliverable and the SQL validator
 * registered, as generate runs them before anything is written: the rendered migrations pass, and a
 * template overlay that renders SQL that does not parse is caught with the file and line.
 */
class MigrationsPipelineTest {
  @TempDir
  Path tmp;

  private static final Pipeline PIPELINE = new Pipeline(new Registry(List.of(new MigrationsDeliverable())),
      List.of(new SqlValidator()), List.of(), new RuleDecider());

  private static Plan plan() {
    Plan p = MigrationPlans.decide(Path.of("samples/ecommerce.yaml"), Map.of());
    Blueprint b = p.blueprint();
    Blueprint only = b.withDeliverables(List.of("migrations"));
    return new Plan(p.requirements(), only, p.decisions(), p.capacity(), p.cost(), p.assumptions(), p.openQuestions(),
        p.warnings());
  }

  @Test
  void theRenderedMigrationsPassTheValidatorsGenerateRuns() {
    List<Artifact> artifacts = PIPELINE.render(Facts.of(plan()), new TemplateRenderer(List.of()));

    assertThat(artifacts).extracting(Artifact::path).contains("db/catalog/migrations/V1__initial_schema.sql",
        "db/orders/migrations/V1__initial_schema.sql", "db/inventory/migrations/V1__initial_schema.sql");
    assertThat(PIPELINE.validate(artifacts)).isEmpty();
  }

  @Test
  void aMigrationThatDoesNotParseIsCaughtWithItsFileAndLine() throws IOException {
    Path overlay = tmp.resolve("tpl");
    Files.createDirectories(overlay.resolve("migrations"));
    Files.writeString(overlay.resolve("migrations/postgresql.sql.ftl"), """
        -- ${model.file}
        <#list model.tables as t>
        CREATE TABLE ${t.name} (id uuid NOT NULL,, CONSTRAINT ${t.primaryKey.name} PRIMARY KEY (id));
        </#list>
        """);

    List<Finding> findings = PIPELINE.validate(PIPELINE.render(Facts.of(plan()), new TemplateRenderer(List.of(overlay))));

    assertThat(findings).extracting(Finding::toString).anySatisfy(f -> assertThat(f)
        .startsWith("db/catalog/migrations/V1__initial_schema.sql:2: not valid SQL").endsWith("[sql]"));
  }
}
