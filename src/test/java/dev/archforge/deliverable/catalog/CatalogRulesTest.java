package dev.archforge.deliverable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The catalog's validator and its rule catalog-lists-everything, each broken on purpose; owners
 * from the requirements; and a database removed from the requirements leaves the Structurizr
 * workspace and the catalog.
 */
class CatalogRulesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String TWO_SERVICES = """
      archforge: 1
      project: { name: mail, owner: group:mail-team }
      security: { roles: [user, admin] }
      services:
        notes: { entities: [Note], owner: user:jdoe }
        mailer: { entities: [Letter], calls: [notes] }
      entities:
        Note: { fields: { text: string } }
        Letter: { fields: { subject: string } }
      decisions: { architecture-style: microservices }
      """;

  private static List<Artifact> render(String yaml) {
    LoadResult loaded = new RequirementsLoader().load("two.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    Plan plan = new RuleDecider().decide(loaded.requirements().orElseThrow(),
        new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow());
    return PIPELINE.render(Facts.of(plan), RENDERER);
  }

  private static String text(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  private static List<Artifact> editCatalog(List<Artifact> all, UnaryOperator<String> edit) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(CatalogDeliverable.PATH)
        ? new Artifact(a.path(), edit.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  private static Artifact catalog(List<Artifact> all) {
    return all.stream().filter(a -> a.path().equals(CatalogDeliverable.PATH)).findFirst().orElseThrow();
  }

  @Test
  void ownersComeFromTheRequirements() {
    String catalog = text(render(TWO_SERVICES), CatalogDeliverable.PATH);
    assertThat(catalog).contains("kind: System\nmetadata:\n  name: \"mail\"")
        .contains("  owner: \"user:jdoe\"\n  system: \"mail\"\n  providesApis:\n    - \"notes-api\"")
        .contains("  owner: \"group:mail-team\"\n  system: \"mail\"\n  providesApis:\n    - \"mailer-api\"");
    String defaulted = text(render(TWO_SERVICES.replace(", owner: group:mail-team", "")), CatalogDeliverable.PATH);
    assertThat(defaulted).contains("owner: \"group:mail-team\"").doesNotContain("owner: \"group:mail-team\"\n"
        + "  system: \"mail\"\n  providesApis:\n    - \"notes-api\"");
  }

  @Test
  void aDatabaseRemovedFromTheRequirementsLeavesTheWorkspaceAndTheCatalog() {
    List<Artifact> before = render(TWO_SERVICES);
    List<Artifact> after = render(TWO_SERVICES.replace("mailer: { entities: [Letter], calls: [notes] }",
        "mailer: { calls: [notes] }").replace("  Letter: { fields: { subject: string } }\n", ""));

    assertThat(text(before, "architecture/workspace.dsl")).contains("db_mailer = container \"mailer database\"");
    assertThat(text(before, CatalogDeliverable.PATH)).contains("name: \"mailer-db\"", "resource:mailer-db");
    assertThat(text(after, "architecture/workspace.dsl")).doesNotContain("db_mailer").contains("db_notes");
    assertThat(text(after, CatalogDeliverable.PATH)).doesNotContain("mailer-db").contains("name: \"notes-db\"");
  }

  @Test
  void aMissingComponentAndAContractWithoutItsApiAreCaught() {
    List<Artifact> all = editCatalog(render(TWO_SERVICES), c -> c.replaceFirst(
        "(?s)---\\napiVersion: backstage.io/v1alpha1\\nkind: Component\\nmetadata:\\n  name: \"mailer\".*?(?=---)", "")
        .replaceFirst("(?s)---\\napiVersion: backstage.io/v1alpha1\\nkind: API\\nmetadata:\\n  name: \"notes-api\""
            + ".*?(?=---)", ""));
    assertThat(new CatalogListsEverything().validate(all)).extracting(Finding::message).containsExactlyInAnyOrder(
        "the deployable mailer (deploy/mailer/Dockerfile) has no Component in the catalog",
        "the contract api/notes/openapi.yaml has no API entity in the catalog");
  }

  @Test
  void anApiPointingAtAMissingFileIsCaught() {
    List<Artifact> all = editCatalog(render(TWO_SERVICES), c -> c.replace("./api/notes/openapi.yaml",
        "./api/notes/missing.yaml"));
    assertThat(new CatalogListsEverything().validate(all)).extracting(Finding::message).contains(
        "API notes-api reads its definition from api/notes/missing.yaml, which the workspace does not have");
  }

  @Test
  void backstagesSchemasAndNameRuleRejectABrokenEntity() {
    List<Artifact> all = editCatalog(render(TWO_SERVICES), c -> c.replaceFirst("  lifecycle: experimental\n", "")
        .replace("name: \"notes-db\"", "name: \"notes--db-\""));
    List<Finding> findings = new CatalogValidator().validate(catalog(all));
    assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("lifecycle"))
        .anySatisfy(m -> assertThat(m).contains("notes--db-").contains("Backstage's rule"));
    assertThat(findings).allSatisfy(f -> assertThat(f.line()).isGreaterThan(0));
  }
}
