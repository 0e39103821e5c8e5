package dev.archforge.deliverable.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import dev.archforge.validate.Validator;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks Kubernetes manifests in process against the Kubernetes API models of client-java-api
 * (generated from the Kubernetes OpenAPI): the apiVersion must be served, the kind known at that
 * version, and the object must pass the model's strict check (no unknown field, every required
 * field, the right JSON types) and deserialize. Custom resources archforge renders (External
 * Secrets) get a structural check and the real ObjectMeta model. Each finding names its line.
 */
public final class KubernetesValidator implements Validator {
  private static final String NAME = "kubernetes (client-java-api models)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(SharedKinds.KUBERNETES);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    Manifests.Parsed parsed = Manifests.parse(artifact, NAME);
    List<Finding> findings = new ArrayList<>(parsed.errors());
    if (parsed.docs().isEmpty() && parsed.errors().isEmpty()) {
      findings.add(new Finding(artifact.path(), 0, "no Kubernetes object in the file", NAME));
    }
    for (Manifests.Doc doc : parsed.docs()) {
      findings.addAll(validate(doc));
    }
    return List.copyOf(findings);
  }

  /** The findings of one object. */
  List<Finding> validate(Manifests.Doc doc) {
    String apiVersion = doc.apiVersion();
    String kind = doc.kind();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return List.of(doc.finding("", "every object needs apiVersion and kind", NAME));
    }
    Optional<String> removed = KubernetesModels.removed(apiVersion);
    if (removed.isPresent()) {
      return List.of(doc.finding("/apiVersion", apiVersion + " " + kind + ": " + removed.get(), NAME));
    }
    JsonElement element = JsonParser.parseString(doc.node().toString());
    if (CustomResources.known(apiVersion, kind)) {
      List<Finding> findings = new ArrayList<>();
      CustomResources.check(doc.node()).forEach(p -> findings.add(doc.finding(p[0], kind + ": " + p[1], NAME)));
      JsonElement metadata = element.getAsJsonObject().get("metadata");
      if (metadata == null) {
        findings.add(doc.finding("", kind + ": The required field `metadata` is not found", NAME));
      } else {
        ModelWalk.check(V1ObjectMeta.class, metadata, "/metadata")
            .ifPresent(p -> findings.add(doc.finding(p.pointer(), kind + ": " + p.message(), NAME)));
      }
      return findings;
    }
    Optional<Class<?>> model = KubernetesModels.model(apiVersion, kind);
    if (model.isEmpty()) {
      String expected = KubernetesModels.group(kind).map(g -> " (" + kind + " is served by "
          + (g.isEmpty() ? "the core group, apiVersion v1" : g + "/...") + ")").orElse("");
      return List.of(doc.finding("/apiVersion", "no Kubernetes API model for apiVersion " + apiVersion + ", kind "
          + kind + expected, NAME));
    }
    Optional<ModelWalk.Problem> problem = ModelWalk.check(model.get(), element, "");
    if (problem.isPresent()) {
      return List.of(doc.finding(problem.get().pointer(), kind + " " + doc.name() + ": " + problem.get().message(),
          NAME));
    }
    try {
      ModelGson.GSON.fromJson(element, model.get());
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException
        | java.time.format.DateTimeParseException e) {
      return List.of(doc.finding("", kind + " " + doc.name() + ": " + ModelWalk.trim(String.valueOf(e.getMessage())),
          NAME));
    }
    if (doc.name().isEmpty()) {
      return List.of(doc.finding("/metadata", kind + ": metadata.name is required", NAME));
    }
    return List.of();
  }
}
