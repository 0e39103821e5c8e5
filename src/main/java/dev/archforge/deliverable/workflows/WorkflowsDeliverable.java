package dev.archforge.deliverable.workflows;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery pipeline, for the CI the blueprint names ({@code defaults.ci}: {@code github}):
 * {@code .github/workflows/ci.yaml} builds and tests every deployable, runs archforge's own checks
 * (check, validate, the migrations on a throwaway database, the breaking-change gate) and on main
 * builds each image with an SBOM and provenance and signs it keyless; {@code deploy.yaml} deploys
 * dev, staging and prod in turn, each in a GitHub environment (prod behind required reviewers).
 */
public final class WorkflowsDeliverable implements Deliverable {
  static final String CI = ".github/workflows/ci.yaml";
  static final String DEPLOY = Layout.DEPLOY_WORKFLOW;
  static final Artifact.Kind KIND = new Artifact.Kind("github-workflow");

  @Override
  public String id() {
    return "workflows";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return plan.capacity() != null && "github".equals(plan.blueprint().defaults().ci());
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    WorkflowsView view = WorkflowsViews.of(facts);
    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(new Artifact(CI, renderer.render("workflows/ci.yaml.ftl", view), KIND));
    if (!view.stages().isEmpty()) {
      artifacts.add(new Artifact(DEPLOY, renderer.render("workflows/deploy.yaml.ftl", view), KIND));
    }
    return artifacts;
  }

  @Override
  public List<String> warnings(Facts facts) {
    return WorkflowsViews.kubernetes(facts.plan()) || WorkflowsViews.managedContainers(facts.plan())
        || WorkflowsViews.sam(facts.plan()) || WorkflowsViews.vm(facts.plan()) ? List.of()
        : List.of("workflows: the deployment is neither kubernetes, managed-containers nor serverless on aws, so no"
        + " deploy workflow is written; .github/workflows/ci.yaml builds, tests and publishes the images");
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.equals(CI) || path.equals(DEPLOY) ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new WorkflowValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new PipelineRunsPromisedChecks());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(".github/workflows/", "GitHub Actions: build, test, archforge check, migrations,"
        + " breaking-change gate, signed images with SBOMs, deploy per environment", ContentsEntry.Group.DOCUMENT,
        plan.blueprint().deliverables().indexOf(id())));
  }
}
