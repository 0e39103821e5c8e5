package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Someone administers each cluster: every root with a cluster names its administrators in a variable
 * that takes at least one, and grants them exactly cluster admin on its cloud (EKS access entries with
 * AmazonEKSClusterAdminPolicy, Kubernetes Engine Admin, AKS RBAC Cluster Admin); nobody relies on the
 * creator's implicit rights, and the README's first-apply steps say so.
 */
class ClusterAdminsTest {
  private static final String MODULE = "infra/modules/runtime-kubernetes/main.tf";
  private static final Map<String, List<String>> GRANTS = Map.of(
      "aws", List.of("resource \"aws_eks_access_entry\" \"admin\" {\n  for_each      = toset(var.admins)",
          "policy_arn    = \"arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy\"\n  access_scope {\n"
              + "    type = \"cluster\"", "bootstrap_cluster_creator_admin_permissions = false"),
      "gcp", List.of("resource \"google_project_iam_member\" \"admin\" {\n  for_each = toset(var.admins)",
          "role     = \"roles/container.admin\"\n  member   = each.value"),
      "azure", List.of("resource \"azurerm_role_assignment\" \"admin\" {\n  for_each             = toset(var.admins)\n"
          + "  scope                = azurerm_kubernetes_cluster.this.id\n"
          + "  role_definition_name = \"Azure Kubernetes Service RBAC Cluster Admin\"\n  principal_id         = each.value"));

  @Test
  void everyRootWithAClusterGrantsClusterAdminToTheAdministratorsItNames() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render(cloud, "kubernetes");
      assertThat(InfraSamplesTest.check(all)).as(cloud).isEmpty();
      for (String root : List.of("dev", "staging", "prod")) {
        assertThat(content(all, "infra/envs/" + root + "/main.tf")).as(cloud + " " + root).contains(
            "variable \"cluster_admins\" {\n  type        = list(string)",
            "condition     = length(var.cluster_admins) > 0", "admins", "= var.cluster_admins\n");
      }
      assertThat(content(all, MODULE)).as(cloud).contains(GRANTS.get(cloud));
      // the deploy identity stays in its namespace: no cluster admin for it
      assertThat(content(all, "infra/modules/ci-identity/main.tf")).as(cloud)
          .doesNotContain("ClusterAdmin", "Cluster Admin", "roles/container.admin");
      assertThat(content(all, "infra/README.md")).as(cloud).contains("Name the cluster's administrators in each root's"
          + " `cluster_admins` before the first apply", "installs the cluster's operators and their CRDs");
    }
  }

  @Test
  void withoutAClusterThereIsNoAdministratorToName() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render(cloud, "managed-containers");
      assertThat(content(all, "infra/envs/prod/main.tf")).as(cloud).doesNotContain("cluster_admins");
      assertThat(content(all, "infra/README.md")).as(cloud).doesNotContain("cluster_admins");
    }
  }
}
