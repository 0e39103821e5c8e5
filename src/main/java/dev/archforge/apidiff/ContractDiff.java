package dev.archforge.apidiff;

import dev.archforge.facts.SharedKinds;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the contracts of a run differ from those archforge generated the run before: OpenAPI through
 * openapi-diff, GraphQL through graphql-java's schema diff, proto through Wire's parsed model and
 * AsyncAPI through its parsed YAML. Each change is classified breaking or not, with the reason.
 */
public final class ContractDiff {
  private static final Map<Artifact.Kind, ContractComparer> COMPARERS = Map.of(
      SharedKinds.OPENAPI, new OpenApiComparer(),
      SharedKinds.GRAPHQL, new GraphqlComparer(),
      SharedKinds.PROTO, new ProtoComparer(),
      SharedKinds.ASYNCAPI, new AsyncApiComparer());

  private ContractDiff() {}

  /** The kinds of contract compared. */
  public static Set<Artifact.Kind> kinds() {
    return COMPARERS.keySet();
  }

  /**
   * The changes from {@code previous} (the last run's contracts; empty on a first run, which then
   * has nothing to compare) to the contracts among {@code current}, ordered by contract path.
   */
  public static List<ApiChange> compare(List<Artifact> previous, List<Artifact> current) {
    if (previous.isEmpty()) {
      return List.of();
    }
    Map<String, Artifact> before = contracts(previous);
    Map<String, Artifact> after = contracts(current);
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<ApiChange> changes = new ArrayList<>();
    for (String path : paths) {
      Artifact old = before.get(path);
      Artifact now = after.get(path);
      String service = serviceOf(path);
      if (now == null) {
        changes.add(new ApiChange(service, path, "removed contract: the service no longer offers this API", true));
      } else if (old == null) {
        changes.add(new ApiChange(service, path, "new contract", false));
      } else if (!old.content().equals(now.content())) {
        for (Difference d : differences(old, now)) {
          changes.add(new ApiChange(d.service() == null ? service : d.service(), path, d.what(), d.breaking()));
        }
      }
    }
    return List.copyOf(changes);
  }

  private static List<Difference> differences(Artifact old, Artifact now) {
    try {
      return COMPARERS.get(now.kind()).compare(old.content(), now.content());
    } catch (RuntimeException e) {
      return List.of(Difference.breaking("not compared, the previous contract could not be read ("
          + e.getClass().getSimpleName() + "): review the change by hand"));
    }
  }

  private static Map<String, Artifact> contracts(List<Artifact> artifacts) {
    Map<String, Artifact> byPath = new LinkedHashMap<>();
    artifacts.stream().filter(a -> COMPARERS.containsKey(a.kind())).forEach(a -> byPath.put(a.path(), a));
    return byPath;
  }

  /** {@code api/<service>/...}: the folder's name; the events document is every service's. */
  private static String serviceOf(String path) {
    String[] parts = path.split("/");
    return parts.length > 2 ? parts[1] : "events";
  }
}
