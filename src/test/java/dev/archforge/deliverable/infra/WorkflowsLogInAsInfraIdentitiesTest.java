package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every identity a workflow job logs in as is one infra/ creates for that job: the deploy jobs of each
 * environment (each cell) as their root's deploy identity, trusting that environment alone; the image
 * job as each root's push identity, trusting main; and no Kubernetes job reads a stored kubeconfig. On
 * each cloud and runtime; each broken on purpose (the federated credential removed, another subject,
 * KUBE_CONFIG back, an output gone) is caught.
 */
class WorkflowsLogInAsInfraIdentitiesTest {
  private static final List<String> RUNTIMES = List.of("kubernetes", "managed-containers", "serverless", "vm");
  private static final String DEPLOY = ".github/workflows/deploy.yaml";
  private static final String CI = ".github/workflows/ci.yaml";
  private static final String PROD = "infra/envs/prod/main.tf";

  private static List<String> broken(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replaceFirst(from, to), a.kind()) : a).toList();
    assertThat(changed).as(path + ": " + from).isNotEqualTo(all);
    return new WorkflowsLogInAsInfraIdentities().validate(changed).stream().map(Finding::message).toList();
  }

  @Test
  void everyJobOnEveryCloudAndRuntimeLogsInAsAnIdentityItsRootCreates() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      for (String runtime : RUNTIMES) {
        List<Artifact> all = render(cloud, runtime);
        assertThat(new WorkflowsLogInAsInfraIdentities().validate(all)).as(cloud + " " + runtime).isEmpty();
        assertThat(content(all, DEPLOY)).as(cloud + " " + runtime).doesNotContain("KUBE_CONFIG", "REGISTRY_ACCOUNT");
      }
      List<Artifact> cells = InfraSamplesTest.render("clinic-residency.yaml", cloud, Map.of("deployment", "kubernetes"));
      assertThat(new WorkflowsLogInAsInfraIdentities().validate(cells)).as("clinic on " + cloud).isEmpty();
      assertThat(content(cells, "infra/envs/prod-eu/main.tf")).contains("deploy = \"environment:prod-eu\"");
    }
  }

  @Test
  void kubernetesJobsGetTheClusterCredentialsAsTheDeployIdentity() {
    assertThat(content(render("aws", "kubernetes"), DEPLOY)).contains("aws eks update-kubeconfig --name \"$CLUSTER\"",
        "CLUSTER: \"shop-prod\"", "AWS_ROLE_ARN: ${{ secrets.AWS_ROLE_ARN }}", "id-token: write");
    assertThat(content(render("gcp", "kubernetes"), DEPLOY)).contains("gcloud container clusters get-credentials",
        "GCP_DEPLOY_SERVICE_ACCOUNT: ${{ secrets.GCP_DEPLOY_SERVICE_ACCOUNT }}", "ACCOUNT=$GCP_PROJECT");
    assertThat(content(render("azure", "kubernetes"), DEPLOY)).contains("az aks command invoke --resource-group",
        "--federated-token \"$token\"", "RESOURCE_GROUP: \"shop-prod\"");
    // the cluster infra/ creates, with the deploy identity's access to the namespace
    assertThat(content(render("aws", "kubernetes"), "infra/modules/ci-identity/main.tf"))
        .contains("aws_eks_access_policy_association", "type       = \"namespace\"");
    assertThat(content(render("azure", "kubernetes"), "infra/modules/runtime-kubernetes/main.tf"))
        .contains("azure_rbac_enabled = true", "local_account_disabled    = true");
  }

  @Test
  void eachRootsIdentitiesTrustTheirOwnSubjectAndTheReadmeSaysWhichSecretHoldsWhichOutput() {
    List<Artifact> aws = render("aws", "managed-containers");
    assertThat(content(aws, "infra/modules/ci-identity/main.tf")).contains(
        "variable = \"token.actions.githubusercontent.com:sub\"", "values   = [\"sts.amazonaws.com\"]",
        "Resource = var.repository_arns", "\"iam:PassedToService\" = \"ecs-tasks.amazonaws.com\"",
        "service/${var.cluster_name}/*");
    assertThat(content(aws, "infra/modules/runtime-managed-containers/main.tf"))
        .contains("image = replace(c.image, local.images[d], format(\"%s:\", var.repository_urls[d]))");
    assertThat(content(aws, "infra/README.md")).contains(
        "| `PROD_AWS_ROLE_ARN` | repository | `tofu -chdir=infra/envs/prod output -raw push_role_arn` |",
        "| `AWS_ROLE_ARN` | environment staging | `tofu -chdir=infra/envs/staging output -raw deploy_role_arn` |");
    assertThat(content(render("gcp", "vm"), "infra/modules/ci-identity/main.tf")).contains(
        "attribute_condition = format(\"assertion.repository == '%s' && assertion.sub in ['%s']\"",
        "/subject/${each.value}", "roles/compute.instanceAdmin.v1", "roles/artifactregistry.writer");
    List<Artifact> azure = render("azure", "kubernetes");
    assertThat(content(azure, "infra/modules/ci-identity/main.tf")).contains("audience  = [\"api://AzureADTokenExchange\"]",
        "Azure Kubernetes Service RBAC Writer", "scope                = \"${var.cluster_id}/namespaces/${var.namespace}\"");
    assertThat(content(azure, "infra/README.md")).contains(
        "| `AZURE_CLIENT_ID` | environment prod | `tofu -chdir=infra/envs/prod output -raw deploy_client_id` |");
  }

  @Test
  void aRemovedTrustIsCaught() {
    assertThat(broken(render("azure", "managed-containers"), "infra/modules/ci-identity/main.tf",
        "resource \"azurerm_federated_identity_credential\"", "resource \"azurerm_role_assignment\"")).contains(
        "the deploy job prod (environment prod) logs in as an identity infra/modules/ci-identity/main.tf does not"
            + " let it be: no azurerm_federated_identity_credential");
    assertThat(broken(render("gcp", "kubernetes"), "infra/modules/ci-identity/main.tf",
        "roles/iam.workloadIdentityUser", "roles/iam.serviceAccountTokenCreator")).contains(
        "the image job (pushing to dev) logs in as an identity infra/modules/ci-identity/main.tf does not let it"
            + " be: no roles/iam.workloadIdentityUser binding");
  }

  @Test
  void anotherSubjectIsCaught() {
    assertThat(broken(render("aws", "kubernetes"), PROD, "deploy = \"environment:prod\"",
        "deploy = \"environment:staging\"")).containsExactly("the deploy job prod (environment prod) presents the"
        + " subject repo:<owner>/<name>:environment:prod, but the deploy identity of infra/envs/prod/main.tf trusts"
        + " environment:staging");
    assertThat(broken(render("gcp", "managed-containers"), PROD, "push = \"ref:refs/heads/main\"",
        "push = \"ref:refs/heads/dev\"")).containsExactly("the image job (pushing to prod) presents the subject"
        + " repo:<owner>/<name>:ref:refs/heads/main, but the push identity of infra/envs/prod/main.tf trusts"
        + " ref:refs/heads/dev");
  }

  @Test
  void aStoredKubeconfigIsCaught() {
    assertThat(broken(render("aws", "kubernetes"), DEPLOY, "          CLUSTER: \"shop-prod\"",
        "          KUBE_CONFIG: \\${{ secrets.KUBE_CONFIG }}\n          CLUSTER: \"shop-prod\"")).containsExactly(
        "the deploy job prod reads a stored kubeconfig (secret KUBE_CONFIG); it gets the cluster's credentials as"
            + " its environment's deploy identity");
  }

  @Test
  void aSecretNoRootOutputsOrNoIdentityAtAllIsCaught() {
    assertThat(broken(render("azure", "vm"), PROD, "output \"deploy_client_id\"", "output \"client\""))
        .containsExactly("the deploy job prod (environment prod) reads secret AZURE_CLIENT_ID, but"
            + " infra/envs/prod/main.tf has no output deploy_client_id");
    assertThat(broken(render("aws", "managed-containers"), DEPLOY, "AWS_ROLE_ARN: \\$\\{\\{ secrets.AWS_ROLE_ARN }}",
        "AWS_ROLE: x")).containsExactly("the deploy job dev logs in as no identity that infra/ creates for"
        + " environment dev (its secrets name none of [AWS_ROLE_ARN])");
    assertThat(broken(render("aws", "managed-containers"), CI, "STAGING_AWS_ROLE_ARN: \\$\\{\\{ secrets"
        + ".STAGING_AWS_ROLE_ARN }}", "STAGING: x")).containsExactly("the image job does not read which identity"
        + " pushes to the registry of staging (secrets [STAGING_AWS_ROLE_ARN])");
  }

  @Test
  void noCloudChosenHoldsNoClaim() {
    List<Artifact> any = InfraSamplesTest.render("ecommerce.yaml", "any", Map.of());
    assertThat(new WorkflowsLogInAsInfraIdentities().validate(any)).isEmpty();
    assertThat(new WorkflowsLogInAsInfraIdentities().notApplicable(any)).contains("the deploy jobs log in, but no"
        + " cloud is chosen: infra/ writes no root module that could create their identities");
    assertThat(new WorkflowsLogInAsInfraIdentities().notApplicable(render("aws", "kubernetes"))).isEmpty();
    // with no cloud chosen, Cloud Run's jobs still log in by OpenID Connect, as identities the team creates
    String cloudRun = content(InfraSamplesTest.render("ecommerce.yaml", "any", Map.of("architecture-style",
        "microservices", "deployment", "managed-containers")), DEPLOY);
    assertThat(cloudRun).contains("gcloud run services replace", "id-token: write",
        "GCP_WORKLOAD_IDENTITY_PROVIDER: ${{ secrets.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
        "GCP_DEPLOY_SERVICE_ACCOUNT: ${{ secrets.GCP_DEPLOY_SERVICE_ACCOUNT }}").doesNotContain("KUBE_CONFIG");
    // and Kubernetes jobs read the team's cluster's kubeconfig: infra/ creates no cluster
    assertThat(content(InfraSamplesTest.render("ecommerce.yaml", "any", Map.of("architecture-style",
        "microservices", "deployment", "kubernetes")), DEPLOY)).contains("KUBE_CONFIG: ${{ secrets.KUBE_CONFIG }}");
  }
}
