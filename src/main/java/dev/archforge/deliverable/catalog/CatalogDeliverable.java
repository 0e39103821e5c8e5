package dev.archforge.deliverable.catalog;

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
 * {@code catalog-info.yaml}: the system's entities for a Backstage catalog — the System, a
 * Component per deployable, an API per contract pointing at the generated file, a Resource per
 * database, the cache and the broker — with owners from the requirements. Regenerated with the
 * rest, so the catalog follows the requirements.
 */
public final class CatalogDeliverable implements Deliverable {
  static final String PATH = "catalog-info.yaml";
  static final String TEMPLATE = "catalog/catalog-info.yaml.ftl";
  static final Artifact.Kind KIND = new Artifact.Kind("backstage-catalog");

  @Override
  public String id() {
    return "catalog";
  }

  @Override
  public boolean supports(Facts facts) {
    return facts.plan().capacity() != null;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    return List.of(new Artifact(PATH, renderer.render(TEMPLATE, CatalogViews.of(facts)), KIND));
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.equals(PATH) ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new CatalogValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new CatalogListsEverything());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(PATH, "Backstage catalog entities: the system, its components, APIs and resources"
        + " with their owners", ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }
}
