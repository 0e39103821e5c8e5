package dev.archforge.deliverable.decisions;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Descriptors;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge that the api-gateway record decides, as the managed-container descriptors and the
 * infrastructure run it: behind a BFF, only the BFF's descriptor takes public traffic (an ECS load
 * balancer target, Cloud Run's public ingress, a Container App's external ingress); on ECS the
 * services the infrastructure's load balancer fronts ({@code public = [...]} of each environment)
 * are those whose service attaches to its target groups.
 */
final class Edge {
  private static final Pattern PUBLIC = Pattern.compile("(?m)^\\s*public\\s*=\\s*\\[([^\\]]*)\\]");

  private Edge() {}

  /**
   * The findings of {@code rule} against the record at {@code record} ({@code path:line}), whose BFF
   * is the only edge when it names one.
   */
  static List<Finding> check(List<Artifact> all, String record, Optional<String> bff, String rule) {
    List<Descriptors> descriptors = Descriptors.of(all);
    List<Finding> findings = new ArrayList<>();
    bff.ifPresent(name -> {
      for (Descriptors d : descriptors) {
        // on ECS the service attaches to the load balancer, not the task definition
        String path = d.path().replace(".task-definition.json", ".service.json");
        if (d.deployable().equals(name) && !d.isPublic()) {
          findings.add(new Finding(path, 0, record + " decides gateway-and-bff, so the BFF " + name + " is the "
              + "edge, but its " + d.platform() + " descriptor takes no public traffic", rule));
        } else if (!d.deployable().equals(name) && d.isPublic()) {
          findings.add(new Finding(path, 0, record + " decides gateway-and-bff, so the BFF " + name + " is the "
              + "only edge, but " + d.deployable() + " takes public traffic past it on " + d.platform(), rule));
        }
      }
    });
    Set<String> attached = new TreeSet<>();
    descriptors.stream().filter(d -> d.platform().equals("ecs") && d.isPublic()).forEach(d -> attached.add(d.deployable()));
    if (descriptors.stream().noneMatch(d -> d.platform().equals("ecs"))) {
      return findings;
    }
    for (Artifact a : all) {
      Matcher m = PUBLIC.matcher(a.content());
      if (a.path().startsWith("infra/envs/") && a.path().endsWith("/main.tf") && m.find()) {
        Set<String> fronted = new TreeSet<>();
        Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("\"", "")).filter(s -> !s.isEmpty())
            .forEach(fronted::add);
        if (!fronted.equals(attached)) {
          int line = (int) a.content().substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
          findings.add(new Finding(a.path(), line, "the load balancer fronts " + fronted + ", but the ECS services "
              + "under deploy/ecs/ that attach to its target groups are " + attached + " (" + record + " decides "
              + "the edge)", rule));
        }
      }
    }
    return findings;
  }
}
