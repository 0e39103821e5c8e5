package dev.archforge.decide;

import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The synchronous calls between services ({@code services.*.calls}), as a directed graph. */
record CallGraph(Map<String, List<String>> edges) {
  static CallGraph of(Requirements r) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Service s : r.services()) {
      edges.put(s.name(), s.calls());
    }
    return new CallGraph(edges);
  }

  /**
   * The longest chain of calls, in edges. An edge back into a chain being followed (a cycle) is
   * not followed; linear in services and calls.
   */
  int depth() {
    Map<String, Integer> memo = new HashMap<>();
    Map<String, Boolean> onPath = new HashMap<>();
    int max = 0;
    for (String start : edges.keySet()) {
      max = Math.max(max, depth(start, memo, onPath));
    }
    return max;
  }

  private int depth(String from, Map<String, Integer> memo, Map<String, Boolean> onPath) {
    Integer known = memo.get(from);
    if (known != null) {
      return known;
    }
    onPath.put(from, true);
    int max = 0;
    for (String to : edges.getOrDefault(from, List.of())) {
      if (!onPath.getOrDefault(to, false)) {
        max = Math.max(max, 1 + depth(to, memo, onPath));
      }
    }
    onPath.put(from, false);
    memo.put(from, max);
    return max;
  }
}
