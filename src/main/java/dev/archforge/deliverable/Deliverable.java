package dev.archforge.deliverable;

import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.util.List;

/**
 * One kind of output (OpenAPI contracts, workspace documents, ...). A deliverable builds typed view
 * records from the plan and renders them; it never reads or writes files itself.
 */
public interface Deliverable {
  /** The id blueprints list under {@code deliverables:}. */
  String id();

  /** Whether the plan needs this deliverable at all (e.g. no REST service: no OpenAPI). */
  boolean supports(Plan plan);

  /** The rendered files, with paths relative to the agent folder. */
  List<Artifact> contribute(Plan plan, TemplateRenderer renderer);

  /**
   * What the rendered files could not express as the plan asks, or interpreted: each a sentence
   * for the run's warnings (PROGRESS.md, the CLI's stderr). The same plan gives the same list.
   */
  default List<String> warnings(Plan plan) {
    return List.of();
  }
}
