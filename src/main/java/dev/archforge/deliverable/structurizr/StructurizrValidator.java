package dev.archforge.deliverable.structurizr;

import com.structurizr.Workspace;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code architecture/workspace.dsl} with Structurizr's DSL parser and checks that it has
 * what the deliverable promises: a software system with containers, relationships, a container
 * view and a deployment view.
 */
final class StructurizrValidator implements Validator {
  static final String NAME = "structurizr-dsl";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(StructurizrDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    DslWorkspace.Parsed parsed = DslWorkspace.parse(artifact);
    if (parsed.workspace() == null) {
      return List.of(new Finding(artifact.path(), parsed.line(), "Structurizr DSL: " + parsed.problem(), NAME));
    }
    Workspace w = parsed.workspace();
    List<Finding> findings = new ArrayList<>();
    if (w.getModel().getSoftwareSystems().isEmpty()) {
      findings.add(new Finding(artifact.path(), 0, "the workspace has no software system", NAME));
    }
    if (w.getModel().getElements().stream().noneMatch(e -> e instanceof com.structurizr.model.Container)) {
      findings.add(new Finding(artifact.path(), 0, "the software system has no containers", NAME));
    }
    if (w.getViews().getContainerViews().isEmpty()) {
      findings.add(new Finding(artifact.path(), 0, "the workspace has no container view", NAME));
    }
    if (w.getViews().getDeploymentViews().isEmpty()) {
      findings.add(new Finding(artifact.path(), 0, "the workspace has no deployment view", NAME));
    }
    if (DslWorkspace.adrsFolder(artifact.content()).isEmpty()) {
      findings.add(new Finding(artifact.path(), 0, "the workspace has no !adrs line for the decision records", NAME));
    }
    return findings;
  }
}
