package dev.archforge.facts.deploy;

import java.util.List;

/**
 * What the Kubernetes deploy job may change, decided once. Each cloud grants the deploy identity edit in
 * the project's namespace (infra/modules/ci-identity: EKS AmazonEKSEditPolicy, AKS RBAC Writer, GKE
 * roles/container.developer). On EKS and AKS that grant lists the built-in API groups ({@link #EDIT_GROUPS})
 * and no custom resource, since neither aggregates the roles a CRD's chart adds to {@code edit}; so a Role
 * of the namespace grants the custom resources the overlays apply ({@link #CUSTOM}), bound on EKS to the
 * Kubernetes group of the deploy identity's access entry ({@link #group}), on AKS to the identity's object
 * id. GKE's developer role covers custom resources (container.thirdPartyObjects.*). A cluster administrator
 * applies the Role with the namespace (deploy/k8s/access/), since the deploy identity may grant nothing.
 */
public final class DeployAccess {
  private DeployAccess() {}

  /** The API groups whose kinds the namespace edit grant covers on every cloud ({@code ""}: the core group). */
  public static final List<String> EDIT_GROUPS = List.of("", "apps", "autoscaling", "policy", "networking.k8s.io");

  /** The verbs {@code kubectl apply} and pruning need on a kind. */
  public static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

  /** What stands for the deploy identity's Microsoft Entra object id in an AKS RoleBinding until it is applied. */
  public static final String PRINCIPAL_PLACEHOLDER = "DEPLOY_PRINCIPAL_ID";

  /** A rule of the Role: the resources of one API group. */
  public record Rule(String group, List<String> resources) {}

  /** The custom resources the overlays apply: the secret store and its ExternalSecrets, the Gateway API's edge. */
  public static final List<Rule> CUSTOM = List.of(
      new Rule("external-secrets.io", List.of("externalsecrets", "secretstores")),
      new Rule("gateway.networking.k8s.io", List.of("gateways", "httproutes", "grpcroutes")));

  /** The Role's name, and on EKS the Kubernetes group the deploy identity's access entry carries. */
  public static String group(String project) {
    return project + "-deploy";
  }
}
