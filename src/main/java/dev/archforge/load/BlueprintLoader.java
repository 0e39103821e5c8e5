package dev.archforge.load;

import dev.archforge.model.Blueprint;
import dev.archforge.model.BlueprintDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and reads blueprints: a built-in one by name (from the jar), or a folder holding
 * {@code blueprint.yaml}. A blueprint may {@code extends} another; its defaults override key by
 * key, its deliverable list replaces the parent's, and its {@code templates/} folder overlays the
 * parent's templates.
 */
public final class BlueprintLoader {
  private static final List<String> KEYS = List.of("name", "description", "extends", "deliverables", "defaults");
  private static final List<String> DEFAULT_KEYS = List.of("apiBaseUrl", "oidcDiscoveryUrl", "stringMaxLength",
      "textMaxLength", "pageSizeDefault", "pageSizeMax", "rateLimitPerMinute");
  private static final int MAX_DEPTH = 5;

  private final Collection<String> deliverableIds;

  /** @param deliverableIds the ids a blueprint may list under {@code deliverables} */
  public BlueprintLoader(Collection<String> deliverableIds) {
    this.deliverableIds = List.copyOf(deliverableIds);
  }

  /** A loaded blueprint with the template folders it brings, or the problems found. */
  public record Result(Optional<Blueprint> blueprint, List<Path> templateOverlays, List<Diagnostic> diagnostics) {}

  /** @param reference a built-in name or a folder; a relative folder is resolved against {@code base} */
  public Result load(String reference, Path base) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Path> overlays = new ArrayList<>();
    Optional<Layer> layer = resolve(reference, base, problems, overlays, 0, new ArrayList<>());
    return new Result(problems.stream().anyMatch(Diagnostic::isError) ? Optional.empty()
        : layer.map(Layer::toBlueprint), overlays, problems);
  }

  /** The built-in blueprints, by name, read from the jar. */
  public List<Blueprint> builtIns() {
    return builtInNames().stream().map(n -> load(n, Path.of(".")).blueprint()).flatMap(Optional::stream).toList();
  }

  private record Layer(String name, String description, List<String> deliverables, Map<String, Object> defaults,
      String origin) {
    Blueprint toBlueprint() {
      return new Blueprint(name, description, deliverables, new BlueprintDefaults((String) defaults.get("apiBaseUrl"),
          (String) defaults.get("oidcDiscoveryUrl"), (Integer) defaults.get("stringMaxLength"),
          (Integer) defaults.get("textMaxLength"), (Integer) defaults.get("pageSizeDefault"),
          (Integer) defaults.get("pageSizeMax"), (Integer) defaults.get("rateLimitPerMinute")), origin);
    }
  }

  private Optional<Layer> resolve(String reference, Path base, List<Diagnostic> problems, List<Path> overlays,
      int depth, List<String> chain) {
    if (depth > MAX_DEPTH || chain.contains(reference)) {
      problems.add(new Diagnostic(reference, 1, 1, Diagnostic.Severity.ERROR,
          "blueprint 'extends' forms a cycle or is nested over " + MAX_DEPTH + " deep: " + chain));
      return Optional.empty();
    }
    chain.add(reference);
    Optional<String> builtIn = builtInText(reference);
    Path dir = base.resolve(reference).normalize();
    String file = builtIn.isPresent() ? "blueprints/" + reference + "/blueprint.yaml" : dir.resolve("blueprint.yaml").toString();
    Optional<String> text = builtIn.or(() -> read(dir.resolve("blueprint.yaml")));
    if (text.isEmpty()) {
      problems.add(new Diagnostic(reference, 1, 1, Diagnostic.Severity.ERROR, "no blueprint '" + reference
          + "': not a built-in one (" + String.join(", ", builtInNames()) + ") and no folder with a blueprint.yaml"
          + Suggestions.hint(reference, builtInNames())));
      return Optional.empty();
    }
    if (builtIn.isEmpty() && Files.isDirectory(dir.resolve("templates"))) {
      overlays.add(dir.resolve("templates"));
    }
    Diagnostics diagnostics = new Diagnostics(file);
    Optional<Layer> layer = SafeYaml.parse(text.get(), diagnostics)
        .flatMap(root -> YamlMap.open(root, "", diagnostics))
        .flatMap(map -> layer(map, builtIn.isPresent() ? "built-in" : dir.toString(),
            builtIn.isPresent() ? base : dir, problems, overlays, depth, chain, diagnostics));
    problems.addAll(diagnostics.sorted());
    return layer;
  }

  private Optional<Layer> layer(YamlMap map, String origin, Path dir, List<Diagnostic> problems, List<Path> overlays,
      int depth, List<String> chain, Diagnostics diagnostics) {
    map.allowOnly(KEYS);
    Optional<Layer> parent = map.text("extends").flatMap(p -> resolve(p, dir, problems, overlays, depth + 1, chain));
    Map<String, Object> defaults = new java.util.LinkedHashMap<>(parent.map(Layer::defaults).orElse(Map.of()));
    map.map("defaults").ifPresent(d -> {
      d.allowOnly(DEFAULT_KEYS);
      d.text("apiBaseUrl").ifPresent(v -> defaults.put("apiBaseUrl", v));
      d.text("oidcDiscoveryUrl").ifPresent(v -> defaults.put("oidcDiscoveryUrl", v));
      for (String key : DEFAULT_KEYS.subList(2, DEFAULT_KEYS.size())) {
        d.whole(key, 1, 10_485_760).ifPresent(v -> defaults.put(key, v.intValue()));
      }
    });
    List<String> deliverables = new ArrayList<>(parent.map(Layer::deliverables).orElse(List.of()));
    if (map.has("deliverables")) {
      deliverables.clear();
      for (YamlMap.Item item : map.list("deliverables")) {
        if (deliverableIds.contains(item.value())) {
          deliverables.add(item.value());
        } else {
          diagnostics.error(item.node(), "unknown deliverable '" + item.value() + "'" + Suggestions.hint(item.value(),
              deliverableIds) + " (known: " + String.join(", ", deliverableIds) + ")");
        }
      }
    }
    for (String key : DEFAULT_KEYS) {
      if (!defaults.containsKey(key)) {
        diagnostics.error(map.keyNode(map.keys().iterator().next()), "blueprint defaults lack '" + key
            + "'; set it or extend a blueprint that does (e.g. extends: standard)");
      }
    }
    Optional<String> name = map.text("name");
    return Optional.of(new Layer(name.orElse(chain.get(chain.size() - 1)), map.text("description").orElse(""),
        deliverables, defaults, origin));
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> builtInText(String name) {
    if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
      return Optional.empty();
    }
    try (InputStream in = BlueprintLoader.class.getResourceAsStream("/blueprints/" + name + "/blueprint.yaml")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Lists the folders under {@code /blueprints} on the class path, in the jar or in a build folder. */
  static List<String> builtInNames() {
    URL url = BlueprintLoader.class.getResource("/blueprints");
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return names(fs.getPath("/blueprints"));
        }
      }
      return names(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      return List.of();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("blueprint.yaml")))
          .map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
    }
  }
}
