package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Manifests;
import java.util.List;
import java.util.Optional;

/** The AsyncAPI document among a run's artifacts, parsed, for the coherence rules that compare it with others. */
final class ParsedContract {
  private ParsedContract() {}

  /** The document's tree; empty when the run has none or it does not parse (its validator says why). */
  static Optional<JsonNode> of(List<Artifact> all) {
    return all.stream().filter(a -> a.path().equals(Layout.ASYNCAPI)).findFirst()
        .flatMap(a -> Manifests.parse(a, "").docs().stream().findFirst()).map(Manifests.Doc::node);
  }

  /** The Kubernetes manifests among the artifacts, every document. */
  static List<Manifests.Doc> manifests(List<Artifact> all) {
    return Manifests.all(all.stream().filter(a -> a.path().startsWith(Layout.K8S)).toList());
  }
}
