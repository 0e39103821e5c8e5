package dev.archforge.load;

import dev.archforge.load.RuleReader.RuleFile;
import dev.archforge.model.Blueprint;
import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Ownership;
import dev.archforge.model.Prices;
import dev.archforge.model.RegionTable;
import dev.archforge.model.ReviewSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds and reads blueprints: a built-in one by name (from the jar), or a folder holding
 * {@code blueprint.yaml}. A blueprint may {@code extends} another: its defaults and capacity
 * assumptions override key by key, its deliverable list replaces the parent's, its
 * {@code rules/*.yaml} replace the parent's files of the same name and add the others, its
 * {@code prices.yaml} overrides prices item by item, and its {@code templates/} folder overlays
 * the parent's templates.
 */
public final class BlueprintLoader {
  private static final List<String> KEYS = List.of("name", "description", "extends", "deliverables", "defaults", "ownership",
      "capacity", "regions", "review");
  private static final int MAX_DEPTH = 5;

  private final Collection<String> deliverableIds;

  /** @param deliverableIds the ids a blueprint may list under {@code deliverables} */
  public BlueprintLoader(Collection<String> deliverableIds) {
    this.deliverableIds = List.copyOf(deliverableIds);
  }

  /**
   * A loaded blueprint with the template folders it brings, or the problems found.
   *
   * @param folders every blueprint folder read (none for a built-in), each hashed just before it was
   *     read, so a later run can tell whether they changed; the hash is empty when a folder could not be hashed
   */
  public record Result(Optional<Blueprint> blueprint, List<Path> templateOverlays,
      List<InputFingerprint.Folder> folders, List<Diagnostic> diagnostics) {}

  /** The folders a load read from and the template folders they bring, filled in as it goes. */
  private record Folders(List<InputFingerprint.Folder> read, List<Path> templates) {}

  /**
   * Built-in blueprints this loader read before, by name: they come from the jar alone, which does not
   * change under a running process, so a batch of runs reads each once.
   */
  private final Map<String, Result> builtIns = new ConcurrentHashMap<>();

  /** @param reference a built-in name or a folder; a relative folder is resolved against {@code base} */
  public Result load(String reference, Path base) {
    if (!BuiltIns.blueprintNames().contains(reference)) {
      return read(reference, base);
    }
    // a built-in comes from the jar alone, the same every time: read once per process, and a load while
    // another thread reads it (preload) waits for that read
    return builtIns.computeIfAbsent(reference, r -> read(r, base));
  }

  /**
   * Reads a built-in blueprint before it is asked for: work for a spare core while the requirements
   * are read. Nothing happens when the name is not a built-in one.
   */
  public void preload(String name) {
    if (BuiltIns.blueprintNames().contains(name)) {
      load(name, Path.of("."));
    }
  }

  private Result read(String reference, Path base) {
    List<Diagnostic> problems = new ArrayList<>();
    Folders folders = new Folders(new ArrayList<>(), new ArrayList<>());
    Optional<Layer> layer = resolve(reference, base, problems, folders, 0, new ArrayList<>());
    Optional<Blueprint> blueprint = layer.flatMap(l -> l.toBlueprint(problems));
    return new Result(problems.stream().anyMatch(Diagnostic::isError) ? Optional.empty() : blueprint,
        List.copyOf(folders.templates()), List.copyOf(folders.read()), List.copyOf(problems));
  }

  /** The built-in blueprints, by name, read from the jar. */
  public List<Blueprint> builtIns() {
    return BuiltIns.blueprintNames().stream().map(n -> load(n, Path.of(".")).blueprint()).flatMap(Optional::stream)
        .toList();
  }

  /** One blueprint.yaml with what it inherited. */
  private record Layer(String name, String description, List<String> deliverables, Map<String, Object> defaults,
      String origin, String file, Map<String, RuleFile> ruleFiles, CapacityAssumptions capacity, Prices prices,
      Ownership ownership, RegionTable regions, ReviewSettings review) {
    Optional<Blueprint> toBlueprint(List<Diagnostic> problems) {
      var rules = RuleBook.assemble(ruleFiles, file, problems);
      if (problems.stream().anyMatch(Diagnostic::isError)) {
        return Optional.empty();
      }
      return Optional.of(new Blueprint(name, description, deliverables, DefaultsReader.defaults(defaults), origin,
          rules, capacity, prices, ownership, regions, review));
    }
  }

  private Optional<Layer> resolve(String reference, Path base, List<Diagnostic> problems, Folders folders,
      int depth, List<String> chain) {
    if (depth > MAX_DEPTH || chain.contains(reference)) {
      problems.add(new Diagnostic(reference, 1, 1, Diagnostic.Severity.ERROR,
          "blueprint 'extends' forms a cycle or is nested over " + MAX_DEPTH + " deep: " + chain));
      return Optional.empty();
    }
    chain.add(reference);
    Source source = Source.of(reference, base);
    Optional<String> text = source.text("blueprint.yaml");
    if (text.isEmpty()) {
      problems.add(new Diagnostic(reference, 1, 1, Diagnostic.Severity.ERROR, "no blueprint '" + reference
          + "': not a built-in one (" + String.join(", ", BuiltIns.blueprintNames())
          + ") and no folder with a blueprint.yaml" + Suggestions.hint(reference, BuiltIns.blueprintNames())));
      return Optional.empty();
    }
    if (!source.builtIn()) {
      folders.read().add(folder(source.dir()));
    }
    source.templates().ifPresent(folders.templates()::add);
    Diagnostics diagnostics = new Diagnostics(source.display("blueprint.yaml"));
    Optional<Layer> layer = SafeYaml.parse(text.get(), diagnostics)
        .flatMap(root -> YamlMap.open(root, "", diagnostics))
        .flatMap(map -> layer(map, source, problems, folders, depth, chain, diagnostics));
    problems.addAll(diagnostics.sorted());
    return layer;
  }

  private Optional<Layer> layer(YamlMap map, Source source, List<Diagnostic> problems, Folders folders,
      int depth, List<String> chain, Diagnostics diagnostics) {
    map.allowOnly(KEYS);
    Optional<Layer> parent = map.text("extends")
        .flatMap(p -> resolve(p, source.base(), problems, folders, depth + 1, chain));
    Map<String, Object> defaults = DefaultsReader.read(map, parent.map(Layer::defaults).orElse(Map.of()), diagnostics);
    List<String> deliverables = deliverables(map, parent, diagnostics);
    DefaultsReader.requireAll(map, defaults, diagnostics);
    Map<String, RuleFile> rules = rules(source, parent.map(Layer::ruleFiles).orElse(Map.of()), problems);
    CapacityAssumptions capacity = CapacityReader.read(map.map("capacity").orElse(null),
        parent.map(Layer::capacity).orElse(null), diagnostics);
    Prices prices = prices(source, parent.map(Layer::prices).orElse(null), problems);
    Optional<String> name = map.text("name");
    Ownership ownership = map.map("ownership").map(o -> OwnershipReader.rules(o, diagnostics)).orElse(Ownership.DEFAULT)
        .then(parent.map(Layer::ownership).orElse(Ownership.DEFAULT));
    RegionTable regions = RegionReader.read(map, parent.map(Layer::regions).orElse(null), diagnostics);
    ReviewSettings review = map.map("review").map(r -> review(r, diagnostics))
        .orElse(parent.map(Layer::review).orElse(ReviewSettings.NONE));
    return Optional.of(new Layer(name.orElse(chain.get(chain.size() - 1)), map.text("description").orElse(""),
        deliverables, defaults, source.origin(), source.display("blueprint.yaml"), rules, capacity, prices, ownership,
        regions, review));
  }

  /** {@code review: {disable: [id, ...]}}: which review rules are off; replaces the parent's. */
  private static ReviewSettings review(YamlMap map, Diagnostics diagnostics) {
    map.allowOnly(List.of("disable"));
    return new ReviewSettings(map.list("disable").stream()
        .map(item -> new ReviewSettings.DisabledRule(item.value().strip(), diagnostics.location(item.node()))).toList());
  }

  /** The folder hashed before it is read; an empty hash when it cannot be (nothing will be cached). */
  private static InputFingerprint.Folder folder(Path dir) {
    try {
      return Files.isDirectory(dir) ? InputFingerprint.Folder.now(dir) : new InputFingerprint.Folder(dir, "");
    } catch (IOException | RuntimeException e) {
      return new InputFingerprint.Folder(dir, "");
    }
  }

  /** This layer's prices.yaml over the parent's table; a blueprint with neither is an error. */
  private static Prices prices(Source source, Prices inherited, List<Diagnostic> problems) {
    Optional<String> text = source.text("prices.yaml");
    if (text.isEmpty()) {
      if (inherited == null) {
        problems.add(new Diagnostic(source.display("blueprint.yaml"), 1, 1, Diagnostic.Severity.ERROR,
            "the blueprint has no prices.yaml for the cost estimate; add one or extend a blueprint that has it"));
      }
      return inherited;
    }
    Diagnostics diagnostics = new Diagnostics(source.display("prices.yaml"));
    Optional<Prices> prices = PriceReader.read(text.get(), diagnostics, inherited);
    problems.addAll(diagnostics.sorted());
    return prices.orElse(inherited);
  }

  private List<String> deliverables(YamlMap map, Optional<Layer> parent, Diagnostics diagnostics) {
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
    return deliverables;
  }

  /** This layer's rules files first (by name), then the parent's that it does not replace. */
  private static Map<String, RuleFile> rules(Source source, Map<String, RuleFile> inherited, List<Diagnostic> problems) {
    Map<String, RuleFile> files = new LinkedHashMap<>();
    for (String name : source.ruleFiles()) {
      Diagnostics diagnostics = new Diagnostics(source.display("rules/" + name));
      source.text("rules/" + name).flatMap(text -> new RuleReader(diagnostics).read(name, text))
          .ifPresent(f -> files.put(name, f));
      problems.addAll(diagnostics.sorted());
    }
    inherited.forEach(files::putIfAbsent);
    return files;
  }

  /** Where a blueprint's files come from: the jar, or a folder. */
  private record Source(String name, Path dir, Path base) {
    static Source of(String reference, Path base) {
      if (BuiltIns.text("blueprints/" + reference + "/blueprint.yaml").isPresent()
          && reference.matches("[a-z][a-z0-9-]{0,39}")) {
        return new Source(reference, null, base);
      }
      Path dir = base.resolve(reference).normalize();
      return new Source(reference, dir, dir);
    }

    boolean builtIn() {
      return dir == null;
    }

    String origin() {
      return builtIn() ? "built-in" : dir.toString();
    }

    String display(String file) {
      return builtIn() ? "blueprints/" + name + "/" + file : dir.resolve(file).toString();
    }

    Optional<String> text(String file) {
      if (builtIn()) {
        return BuiltIns.text("blueprints/" + name + "/" + file);
      }
      try {
        Path path = dir.resolve(file);
        return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    Optional<Path> templates() {
      return builtIn() || !Files.isDirectory(dir.resolve("templates")) ? Optional.empty()
          : Optional.of(dir.resolve("templates"));
    }

    List<String> ruleFiles() {
      if (builtIn()) {
        return BuiltIns.yamlFiles("blueprints/" + name + "/rules");
      }
      Path rules = dir.resolve("rules");
      if (!Files.isDirectory(rules)) {
        return List.of();
      }
      try (Stream<Path> list = Files.list(rules)) {
        return list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"))
            .map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        return List.of();
      }
    }
  }
}
