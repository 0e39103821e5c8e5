package dev.archforge.model;

import java.util.Map;

/**
 * Where the requirements file declares each name, as {@code FILE:LINE:COLUMN}: services, entities,
 * events, the fields and relations of an entity ({@code Entity.field}) and the project's name. Kept
 * so that a problem found after loading (two names that become one table) points at both names.
 */
public record Places(String file, Map<String, String> at) {
  public static final Places NONE = new Places("requirements", Map.of());

  public Places {
    at = Map.copyOf(at);
  }

  public static String key(String kind, String name) {
    return kind + " " + name;
  }

  public String project() {
    return of("project", "name");
  }

  public String service(String name) {
    return of("service", name);
  }

  public String entity(String name) {
    return of("entity", name);
  }

  public String event(String name) {
    return of("event", name);
  }

  /** A field or a relation of an entity or event: {@code member(Note, userId)}. */
  public String member(String owner, String name) {
    return of("member", owner + "." + name);
  }

  private String of(String kind, String name) {
    return at.getOrDefault(key(kind, name), file + ":1:1");
  }
}
