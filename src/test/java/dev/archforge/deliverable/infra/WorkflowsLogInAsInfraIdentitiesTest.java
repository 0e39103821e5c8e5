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
      assertThat(content(cells, "infra/envs/prod-eu/main.tf")).contains("deploy = { context = \"environment:prod-eu\","
          + " workflow = \".github/workflows/deploy.yaml@refs/heads/main\" }");
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
        "/subject/repo:${var.github_repository}:${var.subjects[each.key].context}",
        "\"google.subject\"       = \"assertion.sub.split(':job_workflow_ref:')[0]\"",
        "roles/compute.instanceAdmin.v1", "roles/artifactregistry.writer");
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
    assertThat(broken(render("aws", "kubernetes"), PROD, "context = \"environment:prod\"",
        "context = \"environment:staging\"")).containsExactly("the deploy job prod (environment prod) presents the"
        + " context environment:prod of .github/workflows/deploy.yaml@refs/heads/main, but the deploy identity of"
        + " infra/envs/prod/main.tf trusts environment:staging of .github/workflows/deploy.yaml@refs/heads/main");
    assertThat(broken(render("gcp", "managed-containers"), PROD, "context = \"ref:refs/heads/main\"",
        "context = \"ref:refs/heads/dev\"")).containsExactly("the image job (pushing to prod) presents the context"
        + " ref:refs/heads/main of .github/workflows/ci.yaml@refs/heads/main, but the push identity of"
        + " infra/envs/prod/main.tf trusts ref:refs/heads/dev of .github/workflows/ci.yaml@refs/heads/main");
  }

  @Test
  void thePushIdentityTrustsTheCiWorkflowsImageJobAloneOnEveryCloud() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render(cloud, "kubernetes");
      // the root names the workflow file, the module builds the whole subject from it
      assertThat(content(all, PROD)).as(cloud).contains("push   = { context = \"ref:refs/heads/main\","
          + " workflow = \".github/workflows/ci.yaml@refs/heads/main\" }");
      assertThat(content(all, "infra/modules/ci-identity/main.tf")).as(cloud).contains("format(\"repo:%s:%s:"
          + "job_workflow_ref:%s/%s\", var.github_repository, s.context, var.github_repository, s.workflow)");
      // and the README says how the repository's tokens come to name it
      assertThat(content(all, "infra/README.md")).as(cloud).contains("gh api --method PUT repos/<owner>/<name>/actions/"
          + "oidc/customization/sub --input - <<'EOF'\n{\"use_default\": false, \"include_claim_keys\": [\"repo\","
          + " \"context\", \"job_workflow_ref\"]}\nEOF");
      // another workflow file on main is not trusted
      assertThat(broken(all, PROD, "workflow = \".github/workflows/ci.yaml@refs/heads/main\"",
          "workflow = \".github/workflows/release.yaml@refs/heads/main\"")).as(cloud).containsExactly("the image job"
          + " (pushing to prod) presents the context ref:refs/heads/main of .github/workflows/ci.yaml@refs/heads/main,"
          + " but the push identity of infra/envs/prod/main.tf trusts ref:refs/heads/main of"
          + " .github/workflows/release.yaml@refs/heads/main");
      // a module trusting the branch alone is caught
      assertThat(broken(all, "infra/modules/ci-identity/main.tf", "format\\(\"repo:%s:%s:job_workflow_ref:%s/%s\",",
          "format(\"repo:%s:%s\",")).as(cloud).contains("the deploy job prod (environment prod) logs in as an identity"
          + " infra/modules/ci-identity/main.tf does not let it be: its subjects do not name the workflow file"
          + " (format \"repo:%s:%s:job_workflow_ref:%s/%s\")");
    }
    // the same subject on every cloud: AWS and Azure compare it whole, Google's condition accepts it whole
    String repository = "acme/shop";
    assertThat(dev.archforge.facts.deploy.CiIdentities.subject(dev.archforge.facts.deploy.CiIdentities.Use.PUSH, "prod",
        repository)).isEqualTo("repo:acme/shop:ref:refs/heads/main:job_workflow_ref:acme/shop/.github/workflows/ci.yaml"
        + "@refs/heads/main");
    assertThat(content(render("gcp", "vm"), "infra/modules/ci-identity/main.tf"))
        .contains("assertion.sub in ['%s']\", var.github_repository, join(\"', '\", values(local.subjects)))");
  }

  @Test
  void anotherCiJobThatMayGetATokenIsCaught() {
    List<Artifact> all = render("aws", "managed-containers");
    assertThat(broken(all, CI, "permissions:\n  contents: read\n", "permissions:\n  contents: read\n  id-token: write\n"))
        .containsExactly("every job of the ci workflow may get an OpenID Connect token (permissions: id-token: write),"
            + " so each could be the push identity: only the image job may");
    assertThat(broken(all, CI, "  workspace:\n", "  workspace:\n    permissions:\n      id-token: write\n"))
        .containsExactly("the job workspace of the ci workflow may get an OpenID Connect token, so it could be the push"
            + " identity: only the image job may");
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
