package dev.archforge.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Kustomize overlays of a repository, built in process ({@link KustomizeBuild}) and checked as
 * the objects they deploy: what the overlay cannot build, and every finding the built objects have
 * that the same objects without the overlay's patches, images and namespace do not (a patch that
 * turns on {@code hostNetwork}), reported at the overlay's kustomization.
 */
final class Overlays {
  private static final ObjectMapper YAML = GeneratedYaml.mapper();

  private final List<Validator> validators;
  private final Rules rules;

  Overlays(List<Validator> validators, Rules rules) {
    this.validators = validators.stream().filter(v -> v.accepts(new Artifact("x.yaml", "", SharedKinds.KUBERNETES)))
        .toList();
    this.rules = rules;
  }

  List<ReviewFinding> check(List<Artifact> files) {
    KustomizeBuild build = new KustomizeBuild(files);
    List<ReviewFinding> findings = new ArrayList<>();
    for (Artifact k : files) {
      JsonNode tree = Kustomizations.tree(k.content());
      boolean overlay = k.kind().equals(Classifier.KUSTOMIZATION) && (tree.has("patches") || tree.has("patchesStrategicMerge")
          || tree.has("images") || tree.has("namespace"));
      if (!overlay) {
        continue;
      }
      KustomizeBuild.Built built = build.build(k);
      built.problems().forEach(p -> findings.add(new ReviewFinding(rules.get("kustomize/valid"), k.path(), 1, p)));
      ObjectNode bare = ((ObjectNode) tree).deepCopy();
      bare.remove(List.of("patches", "patchesStrategicMerge", "patchesJson6902", "images", "namespace"));
      Set<String> before = keys(findings(new KustomizeBuild(replace(files, k, bare)).build(
          new Artifact(k.path(), write(List.of(bare)), k.kind())).objects(), k.path()));
      int line = lineOf(k.content());
      for (ReviewFinding f : findings(built.objects(), k.path())) {
        if (!before.contains(key(f))) {
          findings.add(new ReviewFinding(f.rule(), k.path(), line, "built overlay: " + f.message()));
        }
      }
    }
    return findings;
  }

  private List<ReviewFinding> findings(List<ObjectNode> objects, String path) {
    Artifact built = new Artifact(path, write(objects), SharedKinds.KUBERNETES);
    GeneratorFindings generated = new GeneratorFindings(rules);
    List<ReviewFinding> out = new ArrayList<>();
    validators.forEach(v -> v.validate(built).forEach(f -> out.add(generated.of(f, path))));
    out.addAll(new KubernetesSecretsCheck().check(List.of(built), rules));
    return out;
  }

  private static Set<String> keys(List<ReviewFinding> findings) {
    Set<String> keys = new HashSet<>();
    findings.forEach(f -> keys.add(key(f)));
    return keys;
  }

  private static String key(ReviewFinding f) {
    return f.rule().id() + "\n" + f.message();
  }

  private static List<Artifact> replace(List<Artifact> files, Artifact k, ObjectNode tree) {
    List<Artifact> out = new ArrayList<>();
    files.forEach(f -> out.add(f.path().equals(k.path()) ? new Artifact(k.path(), write(List.of(tree)), k.kind()) : f));
    return out;
  }

  /** The line of the overlay's patches (or its first line). */
  private static int lineOf(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("(patches|patchesStrategicMerge|images)\\s*:.*")) {
        return i + 1;
      }
    }
    return 1;
  }

  private static String write(List<? extends JsonNode> objects) {
    StringBuilder out = new StringBuilder();
    for (JsonNode o : objects) {
      try {
        out.append(YAML.writeValueAsString(o).replaceFirst("^---\\s*\n", "")).append("---\n");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a built object", e);
      }
    }
    return out.toString();
  }
}
