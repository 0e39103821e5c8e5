package dev.archforge.deliverable.structurizr;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.List;
import java.util.Optional;

/**
 * {@code architecture/workspace.dsl}: the C4 model in the Structurizr DSL, for the tools architects
 * use (Structurizr Lite, on-premises or cloud, and the exporters that read the DSL): people, the
 * software system and its containers, relationships with their technology, a deployment view per
 * environment and region, and the decision records through {@code !adrs}. It states the same
 * containers and relationships as the Mermaid diagrams of ARCHITECTURE.md ({@code facts.systemModel()}).
 */
public final class StructurizrDeliverable implements Deliverable {
  static final String PATH = "architecture/workspace.dsl";
  static final String TEMPLATE = "structurizr/workspace.dsl.ftl";
  static final Artifact.Kind KIND = new Artifact.Kind("structurizr-dsl");
  /** The decision records, from the DSL file's folder. */
  static final String ADRS = "../decisions";

  @Override
  public String id() {
    return "structurizr";
  }

  @Override
  public boolean supports(Facts facts) {
    return true;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    return List.of(new Artifact(PATH, renderer.render(TEMPLATE,
        WorkspaceViews.of(facts.plan(), facts.systemModel(), ADRS)), KIND));
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.equals(PATH) ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new StructurizrValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new C4CoversPlan());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(PATH, "the C4 model as a Structurizr DSL workspace, with deployment views and"
        + " the decision records", ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }
}
