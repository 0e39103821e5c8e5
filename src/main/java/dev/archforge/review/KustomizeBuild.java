package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a Kustomize overlay in process the way {@code kubectl kustomize} does for what overlays
 * usually hold: {@code resources} (files and folders with their own kustomization, recursively),
 * {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902}, from a file or inline
 * (a strategic merge: maps merge, lists of named items merge by name, other lists are replaced; JSON
 * 6902: add, replace and remove), on the {@code target:} or the patch's own kind and name;
 * {@code images} (newName, newTag, digest) and {@code namespace}. Generators, components and other
 * operations are not applied. What cannot be built is a finding.
 */
final class KustomizeBuild {
  /** The objects an overlay builds, and why it could not build some. */
  record Built(List<ObjectNode> objects, List<String> problems) {}

  private final Map<String, Artifact> byPath;

  KustomizeBuild(List<Artifact> files) {
    this.byPath = files.stream().collect(Collectors.toMap(Artifact::path, Function.identity(), (a, b) -> a));
  }

  /** The kustomization file in this folder, if any. */
  Optional<Artifact> kustomization(String folder) {
    for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
      Artifact a = byPath.get(folder.isEmpty() ? name : folder + "/" + name);
      if (a != null) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  Built build(Artifact kustomization) {
    List<String> problems = new ArrayList<>();
    List<ObjectNode> objects = build(kustomization, new HashSet<>(), problems);
    return new Built(objects, problems);
  }

  private List<ObjectNode> build(Artifact file, Set<String> seen, List<String> problems) {
    List<ObjectNode> objects = new ArrayList<>();
    if (!seen.add(file.path())) {
      problems.add(file.path() + " includes itself through its resources");
      return objects;
    }
    JsonNode k = Kustomizations.tree(file.content());
    String folder = folder(file.path());
    for (JsonNode entry : k.path("resources")) {
      String target = Kustomizations.resolve(folder, entry.asText());
      Optional<Artifact> nested = kustomization(target);
      if (nested.isPresent()) {
        objects.addAll(build(nested.get(), seen, problems));
      } else if (byPath.containsKey(target)) {
        Manifests.parse(byPath.get(target), "kustomize").docs().forEach(d -> objects.add(((ObjectNode) d.node()).deepCopy()));
      } else {
        problems.add("resource " + entry.asText() + " is neither a file nor a folder with a kustomization");
      }
    }
    for (JsonNode entry : k.path("patches")) {
      patch(objects, entry.path("target"), content(folder, entry, problems), problems);
    }
    for (JsonNode entry : k.path("patchesJson6902")) {
      patch(objects, entry.path("target"), content(folder, entry, problems), problems);
    }
    for (JsonNode entry : k.path("patchesStrategicMerge")) {
      patch(objects, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
          content(folder, entry.isTextual() && !entry.asText().contains("\n") ? pathEntry(entry.asText()) : inline(entry.asText()),
              problems), problems);
    }
    objects.forEach(o -> images(o, k.path("images")));
    if (k.hasNonNull("namespace")) {
      objects.forEach(o -> ((ObjectNode) o.with("metadata")).put("namespace", k.get("namespace").asText()));
    }
    return objects;
  }

  private static JsonNode pathEntry(String path) {
    return Kustomizations.tree("path: '" + path.replace("'", "''") + "'");
  }

  private static JsonNode inline(String patch) {
    ObjectNode entry = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    return entry.put("patch", patch);
  }

  /** The patch documents of an entry: its {@code path} file's or its inline {@code patch}. */
  private List<JsonNode> content(String folder, JsonNode entry, List<String> problems) {
    if (entry.path("patch").isTextual()) {
      return List.of(Kustomizations.tree(entry.path("patch").asText()));
    }
    String path = entry.path("path").asText("");
    Artifact file = byPath.get(Kustomizations.resolve(folder, path));
    if (file == null) {
      problems.add("patch " + path + " does not exist");
      return List.of();
    }
    List<JsonNode> docs = new ArrayList<>();
    if (file.content().stripLeading().startsWith("-") || file.content().contains("\n- op:")) {
      docs.add(Kustomizations.tree(file.content()));
    } else {
      Manifests.parse(file, "kustomize").docs().forEach(d -> docs.add(d.node()));
    }
    return docs;
  }

  /**
   * Applies patch documents: a list is JSON 6902 operations on the {@code target}; a mapping is a
   * strategic merge on the {@code target}, else on the object of its own kind and name.
   */
  private static void patch(List<ObjectNode> objects, JsonNode target, List<JsonNode> docs, List<String> problems) {
    for (JsonNode doc : docs) {
      String kind = target.path("kind").asText(doc.path("kind").asText(""));
      String name = target.path("name").asText(doc.path("metadata").path("name").asText(""));
      List<ObjectNode> targets = objects.stream().filter(o -> o.path("kind").asText().equals(kind)
          && (name.isEmpty() || o.path("metadata").path("name").asText().equals(name))).toList();
      if (targets.isEmpty()) {
        problems.add("patch of " + kind + " " + name + " matches no object of the build");
      }
      for (ObjectNode t : targets) {
        if (doc.isArray()) {
          doc.forEach(op -> operation(t, op));
        } else if (doc.isObject()) {
          merge(t, doc);
        }
      }
    }
  }

  /** One JSON 6902 operation: add, replace or remove at a pointer (others are not applied). */
  private static void operation(ObjectNode target, JsonNode op) {
    String pointer = op.path("path").asText("");
    int cut = pointer.lastIndexOf('/');
    if (cut < 0) {
      return;
    }
    JsonNode parent = target.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    String what = op.path("op").asText();
    if (parent instanceof ObjectNode object) {
      if (what.equals("remove")) {
        object.remove(last);
      } else if (what.equals("add") || what.equals("replace")) {
        object.set(last, op.path("value").deepCopy());
      }
    } else if (parent instanceof ArrayNode list) {
      int index = last.equals("-") ? list.size() : last.matches("\\d+") ? Integer.parseInt(last) : -1;
      if (what.equals("remove") && index >= 0 && index < list.size()) {
        list.remove(index);
      } else if (what.equals("add") && index >= 0 && index <= list.size()) {
        list.insert(index, op.path("value").deepCopy());
      } else if (what.equals("replace") && index >= 0 && index < list.size()) {
        list.set(index, op.path("value").deepCopy());
      }
    }
  }

  /** Strategic merge: maps merge, lists of maps that all have a name merge by name, anything else is replaced. */
  static void merge(ObjectNode target, JsonNode patch) {
    patch.fields().forEachRemaining(e -> {
      JsonNode current = target.get(e.getKey());
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (current instanceof ObjectNode object && value.isObject()) {
        merge(object, value);
      } else if (current instanceof ArrayNode list && value.isArray() && named(list) && named(value)) {
        for (JsonNode item : value) {
          Optional<JsonNode> same = java.util.stream.StreamSupport.stream(list.spliterator(), false)
              .filter(i -> i.path("name").equals(item.path("name"))).findFirst();
          if (same.isPresent()) {
            merge((ObjectNode) same.get(), item);
          } else {
            list.add(item.deepCopy());
          }
        }
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    });
  }

  private static boolean named(JsonNode list) {
    for (JsonNode item : list) {
      if (!item.isObject() || !item.has("name")) {
        return false;
      }
    }
    return true;
  }

  /** {@code images:} rewrites every container image of that name. */
  private static void images(JsonNode node, JsonNode images) {
    if (node.isObject()) {
      if (node.path("image").isTextual() && (node.has("name"))) {
        String image = node.path("image").asText();
        for (JsonNode rule : images) {
          String name = image.replaceAll("(@.*|:[^/:]*)$", "");
          if (name.equals(rule.path("name").asText())) {
            String newImage = rule.path("newName").asText(name) + (rule.has("digest") ? "@" + rule.get("digest").asText()
                : rule.has("newTag") ? ":" + rule.get("newTag").asText() : image.substring(name.length()));
            ((ObjectNode) node).put("image", newImage);
          }
        }
      }
      node.elements().forEachRemaining(child -> images(child, images));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> images(child, images));
    }
  }

  static String folder(String path) {
    return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
  }
}
