package dev.archforge.deliverable.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every pod template of the Kubernetes manifests against the Pod Security "restricted"
 * profile and archforge's own pod rules ({@link PodSecurityRules}). No library implements the
 * profile outside the API server, so the rules are ours, one small check each, each tested.
 */
public final class PodSecurityChecker implements Validator {
  private static final String NAME = "pod-security (restricted)";
  /** Where each workload kind keeps its pod spec. */
  private static final Map<String, String> POD_SPEC = Map.of("Pod", "/spec", "Deployment", "/spec/template/spec",
      "StatefulSet", "/spec/template/spec", "DaemonSet", "/spec/template/spec", "ReplicaSet", "/spec/template/spec",
      "Job", "/spec/template/spec", "CronJob", "/spec/jobTemplate/spec/template/spec");

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
    List<Finding> findings = new ArrayList<>();
    for (Manifests.Doc doc : Manifests.parse(artifact, NAME).docs()) {
      findings.addAll(check(doc));
    }
    return findings;
  }

  List<Finding> check(Manifests.Doc doc) {
    String pointer = POD_SPEC.get(doc.kind());
    if (pointer == null) {
      return List.of();
    }
    JsonNode spec = doc.node().at(pointer);
    if (!spec.isObject()) {
      return List.of(doc.finding("", doc.kind() + " " + doc.name() + " has no pod spec at " + pointer, NAME));
    }
    PodSecurityRules.Pod pod = new PodSecurityRules.Pod(spec, pointer);
    List<Finding> findings = new ArrayList<>();
    for (PodSecurityRules.Rule rule : PodSecurityRules.ALL) {
      for (PodSecurityRules.Violation v : rule.check(pod)) {
        findings.add(doc.finding(v.pointer(), doc.kind() + " " + doc.name() + ": " + v.message() + " ["
            + rule.id() + "]", NAME));
      }
    }
    return findings;
  }
}
