package dev.archforge.model;

import java.util.List;
import java.util.Map;

/** One entry of {@code services:}. Names are lowercase-kebab and safe for files and k8s. */
public record Service(
    String name,
    String description,
    Language language,
    Api api,
    Exposure exposure,
    List<String> entities,
    List<String> publishes,
    List<String> consumes,
    List<String> calls,
    Map<String, Access> access,
    String owner) {

  public Service(String name, String description, Language language, Api api, Exposure exposure,
      List<String> entities, List<String> publishes, List<String> consumes, List<String> calls,
      Map<String, Access> access) {
    this(name, description, language, api, exposure, entities, publishes, consumes, calls, access, null);
  }

  public Service {
    entities = List.copyOf(entities);
    publishes = List.copyOf(publishes);
    consumes = List.copyOf(consumes);
    calls = List.copyOf(calls);
    access = Map.copyOf(access);
  }

  /** The owner the requirements give this service, else the project's ({@link Project#ownerOrDefault()}). */
  public String ownerOr(Project project) {
    return owner == null ? project.ownerOrDefault() : owner;
  }

  public boolean isPublic() {
    return exposure == Exposure.PUBLIC;
  }
}
