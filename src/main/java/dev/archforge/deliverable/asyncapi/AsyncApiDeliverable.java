package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Validator;
import java.util.List;
import java.util.Optional;

/**
 * {@code api/asyncapi.yaml} when any service publishes an event: an AsyncAPI 3.0 document with
 * the broker of the messaging decision, one channel per event and publisher (named by the
 * convention the document states), the publisher's send and each consumer's receive operation,
 * message headers for tracing and idempotency, and payload schemas from the event fields. With
 * messaging {@code none} the events are in-process: the document has no servers and says so.
 */
public final class AsyncApiDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = SharedKinds.ASYNCAPI;
  static final String TEMPLATE = "asyncapi/asyncapi.yaml.ftl";
  static final String PATH = Layout.ASYNCAPI;

  @Override
  public boolean isContract() {
    return true;
  }

  @Override
  public String id() {
    return "asyncapi";
  }

  @Override
  public boolean supports(Facts facts) {
    return !facts.messaging().channels().isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    return List.of(new Artifact(PATH, renderer.render(TEMPLATE, new AsyncApiViewBuilder(facts).build()),
        AsyncApiDeliverable.KIND));
  }

  @Override
  public List<String> warnings(Facts facts) {
    return new AsyncApiViewBuilder(facts).warnings();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.equals(PATH) ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new AsyncApiValidator());
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new BrokerEndpoint(), new ConsumersWithinPartitions(), new PatternHasItsTables());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(PATH, "AsyncAPI 3.0 contract of the events, validated against the AsyncAPI "
        + "3.0.0 JSON Schema", ContentsEntry.Group.CONTRACT, Integer.MAX_VALUE));
  }

  /** The view the document is rendered from; for tests. */
  public static AsyncApiView view(Plan plan) {
    return new AsyncApiViewBuilder(Facts.of(plan)).build();
  }
}
