package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.util.List;

/**
 * {@code api/asyncapi.yaml} when any service publishes an event: an AsyncAPI 3.0 document with
 * the broker of the messaging decision, one channel per event and publisher (named by the
 * convention the document states), the publisher's send and each consumer's receive operation,
 * message headers for tracing and idempotency, and payload schemas from the event fields. With
 * messaging {@code none} the events are in-process: the document has no servers and says so.
 */
public final class AsyncApiDeliverable implements Deliverable {
  static final String TEMPLATE = "asyncapi/asyncapi.yaml.ftl";
  static final String PATH = "api/asyncapi.yaml";

  @Override
  public String id() {
    return "asyncapi";
  }

  @Override
  public boolean supports(Plan plan) {
    return !AsyncApiViewBuilder.publishedEvents(plan.requirements()).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Plan plan, TemplateRenderer renderer) {
    return List.of(new Artifact(PATH, renderer.render(TEMPLATE, view(plan)), Artifact.Kind.ASYNCAPI));
  }

  @Override
  public List<String> warnings(Plan plan) {
    return new AsyncApiViewBuilder(plan).warnings();
  }

  /** The view the document is rendered from; for tests and other deliverables. */
  public static AsyncApiView view(Plan plan) {
    return new AsyncApiViewBuilder(plan).build();
  }
}
