package dev.archforge.deliverable.infra;

import dev.archforge.facts.deploy.CloudNames;
import java.util.List;

/**
 * The names of a root's load balancers and target groups on AWS (facts/deploy/CloudNames): each ends
 * in the root's suffix, as the roots may share an account and region, where these names are unique.
 *
 * @param external the internet-facing load balancer in front of the public deployables
 * @param externalGroups the target group of each public deployable
 * @param internal the internal load balancer the virtual machines call each other through
 * @param internalGroups the internal target group of each deployable on virtual machines
 */
public record LoadBalancing(String external, List<Group> externalGroups, String internal, List<Group> internalGroups) {
  /** One target group: the deployable it sends to, and its name. */
  public record Group(String key, String name) {}

  static LoadBalancing of(String project, String root, List<String> publicDeployables, List<String> machines) {
    return new LoadBalancing(CloudNames.loadBalancing(project + "-public", root),
        publicDeployables.stream().map(d -> new Group(d, CloudNames.loadBalancing(d, root))).toList(),
        CloudNames.loadBalancing(project + "-internal", root),
        machines.stream().map(m -> new Group(m, CloudNames.loadBalancing(m + "-internal", root))).toList());
  }
}
