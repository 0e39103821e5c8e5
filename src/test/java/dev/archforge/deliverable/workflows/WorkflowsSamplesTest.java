package dev.archforge.deliverable.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Actionlint;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.testing.RuntimePlans.Named;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, as decided and with the runtime choices varied: the workflows pass SchemaStore's
 * workflow schema and archforge's pinning and permission rules in memory, run every check the
 * workspace promises, and pass actionlint.
 */
class WorkflowsSamplesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<Named> plans() {
    return RuntimePlans.samplesAndVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theWorkflowsAreValidRunEveryPromisedCheckAndPassActionlint(Named named, @TempDir Path dir) {
    List<Artifact> all = PIPELINE.render(Facts.of(named.plan()), RENDERER);
    List<Artifact> workflows = all.stream().filter(a -> a.kind().equals(WorkflowsDeliverable.KIND)).toList();

    assertThat(workflows).extracting(Artifact::path).contains(WorkflowsDeliverable.CI);
    workflows.forEach(w -> assertThat(new WorkflowValidator().validate(w)).as(w.path()).isEmpty());
    assertThat(new PipelineRunsPromisedChecks().validate(all)).isEmpty();
    RuntimePlans.write(workflows, dir);
    assertThat(Actionlint.problems(workflows.stream().map(w -> dir.resolve(w.path())).toList())).isEmpty();
  }

  static List<Named> serverlessOnAws() {
    return RuntimePlans.samples().stream().map(s -> new Named(SamplePlans.name(s) + " serverless on aws",
        SamplePlans.deployedOn(s, "aws", "serverless"))).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serverlessOnAws")
  void functionsOnAwsDeployEachSamStackInTurnAndPassActionlint(Named named, @TempDir Path dir) {
    List<Artifact> all = PIPELINE.render(Facts.of(named.plan()), RENDERER);
    List<Artifact> workflows = all.stream().filter(a -> a.kind().equals(WorkflowsDeliverable.KIND)).toList();
    Artifact deploy = workflows.stream().filter(w -> w.path().equals(WorkflowsDeliverable.DEPLOY)).findFirst()
        .orElseThrow();
    assertThat(deploy.content()).contains("sam deploy --template-file", "id-token: write").doesNotContain("kubectl");
    assertThat(deploy.content()).contains(named.plan().cells().residency() ? "TEMPLATE: \"deploy/sam/prod-us/template.yaml\""
        : "TEMPLATE: \"deploy/sam/template.yaml\"");
    assertThat(all).extracting(Artifact::path).contains("deploy/sam/README.md");
    workflows.forEach(w -> assertThat(new WorkflowValidator().validate(w)).as(w.path()).isEmpty());
    assertThat(new PipelineRunsPromisedChecks().validate(all)).isEmpty();
    RuntimePlans.write(workflows, dir);
    assertThat(Actionlint.problems(workflows.stream().map(w -> dir.resolve(w.path())).toList())).isEmpty();
  }
}
