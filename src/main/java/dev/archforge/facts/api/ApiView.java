package dev.archforge.facts.api;

import java.util.List;

/**
 * Everything {@code templates/openapi/openapi.yaml.ftl} prints for one REST service. Optional
 * values are null; lists are never null.
 *
 * @param info the info object
 * @param servers where the API is served
 * @param tags one per resource
 * @param paths collection and item paths, in the order the service lists its entities
 * @param components reusable parts; only those some operation uses
 */
public record ApiView(InfoView info, List<ServerView> servers, List<TagView> tags, List<PathView> paths,
    ComponentsView components) {
  public ApiView {
    servers = List.copyOf(servers);
    tags = List.copyOf(tags);
    paths = List.copyOf(paths);
  }
}
