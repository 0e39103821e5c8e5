package dev.archforge.load;

import dev.archforge.load.Declarations.Kind;
import dev.archforge.model.Access;
import dev.archforge.model.Api;
import dev.archforge.model.Exposure;
import dev.archforge.model.Language;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code services:}; names it mentions are recorded for the reference check. */
final class ServiceReader {
  private static final List<String> KEYS = List.of("description", "language", "api", "exposure", "entities",
      "publishes", "consumes", "calls", "access",
      "owner");
  private final Diagnostics diagnostics;
  private final Declarations declarations;
  /** Each owned entity → where its service lists it, {@code FILE:LINE:COLUMN}. */
  final Map<String, String> entityLocations = new LinkedHashMap<>();

  ServiceReader(Diagnostics diagnostics, Declarations declarations) {
    this.diagnostics = diagnostics;
    this.declarations = declarations;
  }

  List<Service> read(YamlMap root, Node rootNode, List<Language> teamLanguages) {
    List<Service> result = new ArrayList<>();
    if (!root.has("services")) {
      diagnostics.error(root.keys().contains("services") ? root.keyNode("services") : rootNode,
          "'services' is required: name at least one service, e.g. services: { api: { entities: [Item] } }");
      return result;
    }
    root.map("services").ifPresent(services -> {
      if (services.keys().isEmpty()) {
        diagnostics.error(root.value("services"), "'services' needs at least one service");
      }
      for (String name : services.keys()) {
        Node key = services.keyNode(name);
        if (!Names.SERVICE.check(name, key, "service", diagnostics)) {
          continue;
        }
        declarations.services.put(name, key);
        Node value = services.value(name);
        Optional<YamlMap> map = value == null ? Optional.empty() : YamlMap.open(value, "services." + name, diagnostics);
        if (value == null) {
          result.add(service(name, null, teamLanguages));
        } else {
          map.ifPresent(m -> result.add(service(name, m, teamLanguages)));
        }
      }
    });
    return result;
  }

  private Service service(String name, YamlMap map, List<Language> teamLanguages) {
    if (map == null) {
      return new Service(name, null, teamLanguages.get(0), Api.REST, Exposure.INTERNAL, List.of(), List.of(), List.of(),
          List.of(), Map.of());
    }
    map.allowOnly(KEYS);
    Language language = map.choice("language", Language.class).orElse(teamLanguages.get(0));
    if (map.has("language") && !teamLanguages.contains(language)) {
      diagnostics.warning(map.value("language"), "service '" + name + "' is written in " + language
          + ", which is not in project.team.languages " + teamLanguages.stream().map(Language::spelling).toList());
    }
    List<String> entities = names(map, "entities", Kind.ENTITY, name);
    List<String> publishes = names(map, "publishes", Kind.EVENT, name);
    List<String> consumes = names(map, "consumes", Kind.EVENT, name);
    List<String> calls = names(map, "calls", Kind.SERVICE, name);
    for (YamlMap.Item call : map.list("calls")) {
      if (call.value().equals(name)) {
        diagnostics.error(call.node(), "service '" + name + "' cannot call itself");
      }
    }
    return new Service(name, map.text("description").orElse(null), language,
        map.choice("api", Api.class).orElse(Api.REST), map.choice("exposure", Exposure.class).orElse(Exposure.INTERNAL),
        entities, publishes, consumes, calls, access(map, name, entities), map.text("owner")
            .filter(o -> Names.OWNER.check(o, map.value("owner"), "owner of services." + name, diagnostics))
            .orElse(null));
  }

  private List<String> names(YamlMap map, String key, Kind kind, String service) {
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlMap.Item item : map.list(key)) {
      if (!seen.add(item.value())) {
        diagnostics.error(item.node(), kind.word + " '" + item.value() + "' is listed twice in '" + map.path(key) + "'");
        continue;
      }
      declarations.refer(kind, item, map.path(key), service);
      result.add(item.value());
      if (kind == Kind.ENTITY) {
        entityLocations.putIfAbsent(item.value(), diagnostics.location(item.node()));
      }
    }
    return result;
  }

  private Map<String, Access> access(YamlMap map, String service, List<String> owned) {
    Map<String, Access> result = new LinkedHashMap<>();
    map.map("access").ifPresent(access -> {
      for (String entity : access.keys()) {
        Node key = access.keyNode(entity);
        if (!owned.contains(entity)) {
          diagnostics.error(key, "access names entity '" + entity + "', which service '" + service
              + "' does not own" + Suggestions.hint(entity, owned) + "; access applies to the service's own entities");
          continue;
        }
        Node value = access.value(entity);
        if (value == null) {
          continue;
        }
        YamlMap.open(value, access.path(entity), diagnostics).ifPresent(rw -> {
          rw.allowOnly(List.of("read", "write"));
          result.put(entity, new Access(roles(rw, "read", service, false), roles(rw, "write", service, true)));
        });
      }
    });
    return result;
  }

  private List<String> roles(YamlMap rw, String key, String service, boolean write) {
    List<String> result = new ArrayList<>();
    for (YamlMap.Item item : rw.list(key)) {
      if (write && item.value().equals(dev.archforge.model.Security.ANONYMOUS)) {
        diagnostics.error(item.node(), "'anonymous' may read but never write: every write needs an authenticated role");
        continue;
      }
      declarations.refer(Kind.ROLE, item, rw.path(key), service);
      result.add(item.value());
    }
    return result;
  }
}
