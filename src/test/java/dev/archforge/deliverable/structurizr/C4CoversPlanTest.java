package dev.archforge.deliverable.structurizr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rule c4-covers-plan and the DSL validator, each broken on purpose. */
class C4CoversPlanTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  /** saas-projects as microservices: calls between services and events through the broker. */
  private static List<Artifact> saas() {
    return PIPELINE.render(Facts.of(RuntimePlans.decide(Path.of("samples/saas-projects.yaml"),
        Map.of("architecture-style", "microservices", "messaging", "kafka"))), RENDERER);
  }

  private static List<Artifact> editDsl(List<Artifact> all, UnaryOperator<String> edit) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(StructurizrDeliverable.PATH)
        ? new Artifact(a.path(), edit.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  @Test
  void theUnbrokenWorkspaceCoversThePlan() {
    assertThat(new C4CoversPlan().validate(saas())).isEmpty();
  }

  @Test
  void aMissingCallIsCaught() {
    List<Artifact> all = editDsl(saas(), dsl -> dsl.replaceFirst(
        "(?m)^ *app_projects -> app_organizations \"Calls\".*\\n", ""));
    assertThat(new C4CoversPlan().validate(all)).extracting(Finding::message)
        .containsExactly("the call projects → organizations (ORGANIZATIONS_ADDRESS in deploy/docker-compose.yaml) has"
            + " no relationship in the workspace");
  }

  @Test
  void aMissingEventFlowIsCaught() {
    List<Artifact> all = editDsl(saas(), dsl -> dsl.replaceFirst("(?m)^ *app_projects -> broker \"Publishes.*\\n", ""));
    assertThat(new C4CoversPlan().validate(all)).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message()).startsWith("the event flow projects publishes "));
  }

  @Test
  void aMissingDeployableIsCaught() {
    List<Artifact> all = editDsl(saas(), dsl -> dsl.replace("app_comments = container \"comments\"",
        "app_comments = container \"comments-renamed\""));
    assertThat(new C4CoversPlan().validate(all)).extracting(Finding::message)
        .contains("the deployable comments (deploy/comments/Dockerfile) is no container of the workspace");
  }

  @Test
  void anAdrsFolderWithoutDecisionRecordsIsCaught() {
    List<Artifact> all = editDsl(saas(), dsl -> dsl.replace("!adrs \"../decisions\"", "!adrs \"../records\""));
    assertThat(new C4CoversPlan().validate(all)).extracting(Finding::message)
        .containsExactly("!adrs names ../records, which holds no decision record of the workspace");
  }

  @Test
  void theParserRejectsABrokenWorkspaceAtItsLine() {
    Artifact dsl = editDsl(saas(), text -> text.replaceFirst("-> app_organizations", "-> app_nowhere")).stream()
        .filter(a -> a.path().equals(StructurizrDeliverable.PATH)).findFirst().orElseThrow();
    List<Finding> findings = new StructurizrValidator().validate(dsl);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("Structurizr DSL: ").contains("app_nowhere");
      assertThat(f.line()).isGreaterThan(0);
      assertThat(dsl.content().lines().toList().get(f.line() - 1)).contains("app_nowhere");
    });
  }
}
