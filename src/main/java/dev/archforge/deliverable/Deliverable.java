package dev.archforge.deliverable;

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
 * One kind of output (OpenAPI contracts, workspace documents, ...), in one package of its own
 * under {@code deliverable/} with its templates under {@code templates/<id>/}. A deliverable builds
 * typed view records from the run's {@link Facts} and renders them; it never reads or writes files
 * itself and never imports a sibling. It names every path it writes, the kind of each, the
 * validators for its kinds and its lines of the workspace README. Registered with one line in
 * {@code META-INF/services/dev.archforge.deliverable.Deliverable}.
 */
public interface Deliverable {
  /** The id blueprints list under {@code deliverables:}. */
  String id();

  /** Whether the plan needs this deliverable at all (e.g. no REST service: no OpenAPI). */
  boolean supports(Facts facts);

  /** The rendered files, with paths relative to the agent folder. */
  List<Artifact> contribute(Facts facts, TemplateRenderer renderer);

  /**
   * What the rendered files could not express as the plan asks, or interpreted: each a sentence
   * for the run's warnings (PROGRESS.md, the CLI's stderr). The same plan gives the same list.
   */
  default List<String> warnings(Facts facts) {
    return List.of();
  }

  /**
   * The kind of a file at this path if this deliverable writes such files, for reading a workspace
   * back from disk ({@code archforge validate}); empty otherwise.
   */
  default Optional<Artifact.Kind> kindOf(String path) {
    return Optional.empty();
  }

  /**
   * Whether this deliverable writes API contracts (OpenAPI, GraphQL, proto, AsyncAPI): contracts
   * are rendered first and compared with the previous run's, and every other deliverable is
   * rendered after, knowing how they changed ({@link Facts#apiChanges()}).
   */
  default boolean isContract() {
    return false;
  }

  /** The validators of the kinds this deliverable writes; each runs on every artifact it accepts. */
  default List<Validator> validators() {
    return List.of();
  }

  /**
   * The coherence rules of the claims this deliverable's files make about other files (an alert
   * watches a topic the AsyncAPI declares, …): each sees every artifact, and a broken claim fails
   * the run as a validator's finding does.
   */
  default List<CrossValidator> coherence() {
    return List.of();
  }

  /** This deliverable's rows of the workspace README's table of contents, for this plan. */
  default List<ContentsEntry> contents(Plan plan) {
    return List.of();
  }
}
