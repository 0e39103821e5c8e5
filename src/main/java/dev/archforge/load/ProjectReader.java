package dev.archforge.load;

import dev.archforge.model.Budget;
import dev.archforge.model.Cloud;
import dev.archforge.model.Language;
import dev.archforge.model.Project;
import dev.archforge.model.Team;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code project:}. */
final class ProjectReader {
  private static final List<String> KEYS = List.of("name", "title", "description", "domain", "cloud", "team", "budget",
      "owner");
  private final Diagnostics diagnostics;

  ProjectReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<Project> read(YamlMap root, Node rootNode) {
    if (!root.has("project")) {
      diagnostics.error(rootNode, "'project' is required, with at least a name: project: { name: shop }");
      return Optional.empty();
    }
    return root.map("project").flatMap(map -> {
      map.allowOnly(KEYS);
      Optional<String> name = map.requiredText("name", root.value("project"))
          .filter(n -> Names.PROJECT.check(n, map.value("name"), "project name", diagnostics));
      Team team = map.map("team").map(this::team).orElse(new Team(5, List.of(Language.JAVA)));
      Budget budget = map.map("budget").map(this::budget).orElse(new Budget(null));
      String owner = map.text("owner")
          .filter(o -> Names.OWNER.check(o, map.value("owner"), "project owner", diagnostics)).orElse(null);
      return name.map(n -> new Project(n, map.text("title").orElse(null), map.text("description").orElse(null),
          map.text("domain").orElse(null), map.choice("cloud", Cloud.class).orElse(Cloud.ANY), team, budget, owner));
    });
  }

  private Team team(YamlMap map) {
    map.allowOnly(List.of("size", "languages"));
    int size = map.whole("size", 1, 100_000).map(Long::intValue).orElse(5);
    List<Language> languages = map.choices("languages", Language.class);
    if (map.has("languages") && languages.isEmpty()) {
      diagnostics.error(map.value("languages"), "'" + map.path("languages") + "' needs at least one language");
    }
    return new Team(size, languages.isEmpty() ? List.of(Language.JAVA) : languages);
  }

  private Budget budget(YamlMap map) {
    map.allowOnly(List.of("monthlyUsd"));
    return new Budget(map.whole("monthlyUsd", 0, 100_000_000).map(Long::intValue).orElse(null));
  }
}
