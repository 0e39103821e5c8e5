package dev.archforge.deliverable.infra;

import dev.archforge.facts.ParsedHcl;
import dev.archforge.model.Artifact;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The literal arguments of a root module of infra/ ({@code infra/envs/<env>/main.tf}) that name what it creates. */
record Root(String path, Map<?, ?> parsed) {
  Map<?, ?> module(String name) {
    return parsed.get("module") instanceof Map<?, ?> m && m.get(name) instanceof Map<?, ?> mod ? mod : Map.of();
  }

  String text(String module, String argument) {
    return String.valueOf(module(module).get(argument));
  }

  Collection<?> list(String module, String argument) {
    Object value = module(module).get(argument);
    return value instanceof Collection<?> c ? c : value instanceof Map<?, ?> m ? m.values() : List.of();
  }

  /** Whether the root has a runtime module (a cloud's managed containers or functions off AWS do). */
  boolean hasRuntime() {
    return !module("runtime").isEmpty();
  }

  String local(String name) {
    return parsed.get("locals") instanceof Map<?, ?> l ? String.valueOf(l.get(name)) : "";
  }

  /** A variable's default, or empty. */
  String variable(String name) {
    return parsed.get("variable") instanceof Map<?, ?> v && v.get(name) instanceof Map<?, ?> variable
        && variable.get("default") != null ? String.valueOf(variable.get("default")) : "";
  }

  /** The roots of one set of artifacts, each parsed once, by environment ({@code dev}, {@code prod-eu}). */
  static final class Cache {
    private final List<Artifact> all;
    private final Map<String, Optional<Root>> parsed = new HashMap<>();

    Cache(List<Artifact> all) {
      this.all = all;
    }

    /** The root of {@code env}; empty when infra/ writes none or it does not parse. */
    Optional<Root> of(String env) {
      return at(InfraDeliverable.ROOT + "envs/" + env + "/main.tf");
    }

    /** The root module at {@code path}; empty when there is none or it does not parse. */
    Optional<Root> at(String path) {
      return parsed.computeIfAbsent(path, p -> all.stream().filter(a -> a.path().equals(p)).findFirst()
          .flatMap(Root::parse));
    }
  }

  private static Optional<Root> parse(Artifact root) {
    return ParsedHcl.parsed(root).map(parsed -> new Root(root.path(), parsed));
  }
}
