package dev.archforge.deliverable.k8s;

import dev.archforge.facts.deploy.DeployAccess;
import dev.archforge.model.Cloud;
import java.util.List;

/**
 * deploy/k8s/access/{@code <environment>}.yaml: what a cluster administrator applies once per cluster before the
 * first deploy: the namespace, and where the cloud's edit grant does not cover the custom resources the overlays
 * apply, the deploy identity's Role for them (facts/deploy/DeployAccess).
 *
 * @param role the Role's name; empty when the cloud's grant covers them (GKE)
 * @param subjectKind {@code Group} (EKS: the access entry's group) or {@code User} (AKS: the identity's object id)
 */
public record AccessView(String namespace, String role, String subjectKind, String subject,
    List<DeployAccess.Rule> rules, List<String> verbs) {
  public AccessView {
    rules = List.copyOf(rules);
    verbs = List.copyOf(verbs);
  }

  /** The view of {@code namespace} for a project on {@code cloud}. */
  static AccessView of(String project, String namespace, Cloud cloud) {
    return switch (cloud) {
      case AWS -> new AccessView(namespace, DeployAccess.group(project), "Group", DeployAccess.group(project),
          DeployAccess.CUSTOM, DeployAccess.VERBS);
      case AZURE -> new AccessView(namespace, DeployAccess.group(project), "User", DeployAccess.PRINCIPAL_PLACEHOLDER,
          DeployAccess.CUSTOM, DeployAccess.VERBS);
      default -> new AccessView(namespace, "", "", "", List.of(), List.of());
    };
  }
}
