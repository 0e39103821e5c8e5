package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Kustomize files of a repository: the patches a kustomization names are partial objects, so
 * they are not checked as whole Kubernetes objects.
 */
final class Kustomizations {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kustomizations() {}

  /** The files, with every patch a kustomization names read as plain YAML instead of Kubernetes objects. */
  static List<Artifact> withoutPatches(List<Artifact> files) {
    Set<String> patches = new HashSet<>();
    for (Artifact file : files) {
      if (file.kind().equals(Classifier.KUSTOMIZATION)) {
        JsonNode tree = tree(file.content());
        String folder = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
        for (String relative : patchPaths(tree)) {
          patches.add(resolve(folder, relative));
        }
      }
    }
    List<Artifact> out = new ArrayList<>();
    for (Artifact file : files) {
      boolean patch = patches.contains(file.path()) && file.kind().equals(SharedKinds.KUBERNETES);
      out.add(patch ? new Artifact(file.path(), file.content(), Artifact.Kind.YAML) : file);
    }
    return out;
  }

  static JsonNode tree(String text) {
    try {
      JsonNode tree = YAML.readTree(text);
      return tree == null ? YAML.createObjectNode() : tree;
    } catch (java.io.IOException e) {
      return YAML.createObjectNode();
    }
  }

  /** The files a kustomization patches with: {@code patches[].path}, {@code patchesStrategicMerge}, {@code patchesJson6902[].path}. */
  static List<String> patchPaths(JsonNode tree) {
    List<String> paths = new ArrayList<>();
    tree.path("patches").forEach(p -> {
      if (p.hasNonNull("path")) {
        paths.add(p.get("path").asText());
      }
    });
    tree.path("patchesJson6902").forEach(p -> {
      if (p.hasNonNull("path")) {
        paths.add(p.get("path").asText());
      }
    });
    tree.path("patchesStrategicMerge").forEach(p -> {
      if (p.isTextual() && !p.asText().contains("\n")) {
        paths.add(p.asText());
      }
    });
    return paths;
  }

  /** A path relative to a folder of the repository, normalised ({@code ../base/x.yaml}). */
  static String resolve(String folder, String relative) {
    return Path.of(folder.isEmpty() ? "." : folder).resolve(relative).normalize().toString().replace('\\', '/');
  }
}
