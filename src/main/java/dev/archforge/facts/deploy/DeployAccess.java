package dev.archforge.facts.deploy;

import java.util.List;

/**
 * What the Kubernetes deploy job may change, decided once. Each cloud grants the deploy identity edit in
 * the project's namespace (infra/modules/ci-identity: EKS AmazonEKSEditPolicy, AKS RBAC Writer, GKE
 * roles/container.developer). On EKS and AKS that grant lists built-in resources ({@link #EDITABLE}) and no
 * custom resource, so a Role of the namespace grants the custom resources the overlays apply
 * ({@link #CUSTOM}), bound on EKS to the Kubernetes group of the deploy identity's access entry
 * ({@link #group}), on AKS to the identity's object id. GKE's developer role covers custom resources
 * (container.thirdPartyObjects.*) and holds container.clusters.connect, which the DNS-based endpoint asks
 * for. A cluster administrator applies the Role with the namespace (deploy/k8s/access/), since the deploy
 * identity may grant nothing. Checked against the clouds' documents:
 * <ul>
 *   <li>AmazonEKSEditPolicy's rules: https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html
 *       ("If the permissions in the access policies don't meet your needs, create Kubernetes RBAC objects and
 *       specify Kubernetes group names for your access entries");
 *   <li>Azure Kubernetes Service RBAC Writer's data actions:
 *       https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers; Kubernetes RBAC
 *       still applies beside Azure RBAC, and its subject for a service principal (a managed identity is one) is
 *       the object id, not the client id: https://learn.microsoft.com/azure/aks/manage-azure-rbac,
 *       https://azure.github.io/kubelogin/topics/sp.html;
 *   <li>roles/container.developer's permissions: https://cloud.google.com/iam/docs/roles-permissions/container;
 *       custom resources ask container.thirdPartyObjects.*:
 *       https://cloud.google.com/kubernetes-engine/docs/reference/api-permissions.
 * </ul>
 */
public final class DeployAccess {
  private DeployAccess() {}

  /**
   * The built-in resources ({@code <API group>/<resource>}, the core group empty) that both EKS's
   * AmazonEKSEditPolicy and AKS's RBAC Writer let the deploy identity create, patch and delete in its
   * namespace. Neither lets it write namespaces, roles, role bindings, limit ranges or resource quotas.
   */
  public static final List<String> EDITABLE = List.of(
      "/configmaps", "/secrets", "/serviceaccounts", "/services", "/persistentvolumeclaims", "/pods",
      "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets",
      "autoscaling/horizontalpodautoscalers", "batch/jobs", "batch/cronjobs", "policy/poddisruptionbudgets",
      "networking.k8s.io/networkpolicies", "networking.k8s.io/ingresses");

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
