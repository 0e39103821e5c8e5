package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.deploy.ClusterAccess;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cloud;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes deploy job reaches its root's private cluster the way that root allows: on aws
 * from the CodeBuild runners its root creates in the cluster's VPC, on gcp by the DNS-based endpoint,
 * on azure with every kubectl through az aks command invoke. Each broken on purpose is caught: a job
 * on ubuntu-latest or on another root's runners, runners in another VPC, the DNS endpoint block gone
 * or get-credentials without --dns-endpoint, a plain kubectl on azure.
 */
class DeployReachesClusterTest {
  private static final String DEPLOY = ".github/workflows/deploy.yaml";
  private static final String PROD = "infra/envs/prod/main.tf";

  private static List<String> broken(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).as(path + ": " + from).isNotEqualTo(all);
    return new DeployReachesCluster().validate(changed).stream().map(Finding::message).toList();
  }

  @Test
  void everyKubernetesJobReachesItsClusterOnEveryCloudAndCell() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render(cloud, "kubernetes");
      assertThat(new DeployReachesCluster().validate(all)).as(cloud).isEmpty();
      List<Artifact> cells = InfraSamplesTest.render("clinic-residency.yaml", cloud, Map.of("deployment", "kubernetes"));
      assertThat(new DeployReachesCluster().validate(cells)).as("clinic on " + cloud).isEmpty();
      // infra/README.md and the deploy workflow's header say how, in the same words (facts/deploy/ClusterAccess)
      String sentence = ClusterAccess.of(Cloud.valueOf(cloud.toUpperCase(java.util.Locale.ROOT))).sentence();
      assertThat(content(all, "infra/README.md")).as(cloud).contains(sentence.substring(1) + ".");
      String header = content(all, DEPLOY).lines().takeWhile(l -> l.startsWith("#")).map(l -> l.substring(1).strip())
          .collect(java.util.stream.Collectors.joining(" "));
      assertThat(header).as(cloud).contains("How each job reaches its cluster (infra/README.md says the same): "
          + sentence + ".");
    }
    String aws = content(render("aws", "kubernetes"), DEPLOY);
    assertThat(aws).contains("runs-on: codebuild-shop-prod-deploy-${{ github.run_id }}-${{ github.run_attempt }}",
        "runs-on: codebuild-shop-dev-deploy-").doesNotContain("ubuntu-latest");
    assertThat(content(render("aws", "kubernetes"), PROD)).contains("name                      = \"shop-prod-deploy\"");
    // the runner's CodeBuild image (aws/codebuild/amazonlinux-x86_64-standard:5.0) has the AWS CLI, curl and jq, and a
    // kubectl of its own version: the job always fetches the cluster's minor, checked against its digest
    assertThat(aws).contains("minor=$(aws eks describe-cluster", "| sha256sum --check --quiet")
        .doesNotContain("command -v kubectl");
    assertThat(content(render("aws", "kubernetes"), DeployReachesCluster.RUNNER_MODULE))
        .contains("image        = \"aws/codebuild/amazonlinux-x86_64-standard:5.0\"");
    assertThat(content(render("gcp", "kubernetes"), DEPLOY)).contains("--dns-endpoint", "runs-on: ubuntu-latest");
    assertThat(content(render("azure", "kubernetes"), DEPLOY)).contains("az aks command invoke", "--file manifests.yaml")
        .doesNotContain("az aks get-credentials", "kubelogin");
  }

  @Test
  void anAwsJobOnAHostedRunnerOrOnRunnersOutsideTheClustersVpcIsCaught() {
    List<Artifact> all = render("aws", "kubernetes");
    assertThat(broken(all, DEPLOY, "runs-on: codebuild-shop-prod-deploy-${{ github.run_id }}-${{ github.run_attempt }}",
        "runs-on: ubuntu-latest")).singleElement().asString()
        .startsWith("the deploy job prod (root infra/envs/prod/main.tf) runs kubectl on \"ubuntu-latest\", outside the"
            + " cluster's VPC");
    assertThat(broken(all, DEPLOY, "runs-on: codebuild-shop-prod-deploy-", "runs-on: codebuild-shop-staging-deploy-"))
        .singleElement().asString().contains("runs on CodeBuild project shop-staging-deploy, which the root does not"
            + " create");
    // a CodeBuild project in another VPC: the root hands its runners another network than the cluster's
    assertThat(broken(all, PROD, "  vpc_id                    = module.network.vpc_id",
        "  vpc_id                    = \"vpc-0a1b2c3d4e5f67890\"")).singleElement().asString()
        .contains("whose runners are not in the cluster's network: module deploy_runner has vpc_id vpc-0a1b2c3d4e5f67890");
    // or a module whose project ignores the VPC it is given, or whose cluster does not admit the runners
    assertThat(broken(all, DeployReachesCluster.RUNNER_MODULE, "    vpc_id             = var.vpc_id",
        "    vpc_id             = \"vpc-0a1b2c3d4e5f67890\"")).singleElement().asString()
        .endsWith("which lacks a CodeBuild project in the VPC and subnets it is given");
    assertThat(broken(all, DeployReachesCluster.RUNNER_MODULE, "  from_port                    = 443",
        "  from_port                    = 80")).singleElement().asString()
        .endsWith("lacks an ingress rule of the cluster's security group admitting the runners on 443");
    assertThat(broken(all, DeployReachesCluster.RUNNER_MODULE, "\"WORKFLOW_JOB_QUEUED\"", "\"PUSH\""))
        .singleElement().asString().endsWith("lacks a webhook on WORKFLOW_JOB_QUEUED");
    // the webhook takes the deploy workflow's jobs alone: no filter, an unanchored one or another name is caught
    assertThat(content(all, DeployReachesCluster.RUNNER_MODULE)).contains(
        "type    = \"WORKFLOW_NAME\"\n      pattern = \"^deploy$\"");
    assertThat(content(all, DEPLOY)).contains("\nname: deploy\n");
    String lacks = "lacks a WORKFLOW_NAME filter on its webhook admitting the deploy workflow (deploy) alone, ^deploy$";
    assertThat(broken(all, DeployReachesCluster.RUNNER_MODULE, "\"WORKFLOW_NAME\"", "\"HEAD_REF\""))
        .singleElement().asString().contains(lacks);
    assertThat(broken(all, DeployReachesCluster.RUNNER_MODULE, "\"^deploy$\"", "\"deploy\""))
        .singleElement().asString().contains(lacks);
    assertThat(broken(all, DEPLOY, "\nname: deploy\n", "\nname: release\n"))
        .singleElement().asString().contains("admitting the deploy workflow (release) alone");
  }

  @Test
  void aGcpClusterWithoutTheDnsEndpointOrAJobWithoutItIsCaught() {
    List<Artifact> all = render("gcp", "kubernetes");
    String module = DeployReachesCluster.CLUSTER_MODULE;
    String block = content(all, module).substring(content(all, module).indexOf("  control_plane_endpoints_config {"),
        content(all, module).indexOf("  database_encryption {"));
    assertThat(broken(all, module, block, "")).singleElement().asString().contains("opens no DNS-based endpoint");
    assertThat(broken(all, module, "allow_external_traffic = true", "allow_external_traffic = false")).hasSize(1);
    assertThat(broken(all, DEPLOY, " --dns-endpoint", "")).hasSize(3)
        .allMatch(m -> m.contains("gets the cluster's credentials without --dns-endpoint"));
  }

  @Test
  void theAzureRunCommandFitsRunCommandsLimits() {
    // run command keeps 512 kB of output and is not meant for long commands (learn.microsoft.com/azure/aks/
    // access-private-cluster): the rollouts run side by side, each bounded, their progress kept out of the output
    String invoke = content(render("azure", "kubernetes"), DEPLOY).lines().dropWhile(l -> !l.strip().startsWith("az aks command invoke"))
        .limit(2).reduce("", String::concat);
    String timeout = "--timeout=" + ClusterAccess.ROLLOUT_MINUTES + "m";
    assertThat(invoke).contains("kubectl apply -f manifests.yaml -o name || exit 1;",
        "(kubectl -n $NAMESPACE rollout status deployment/\\$name " + timeout + " > /tmp/\\$name.log 2>&1 || echo",
        ") & done; wait;", "tail -c 2000 /tmp/\\$name.log", "exit 1; fi\"");
    assertThat(content(render("aws", "kubernetes"), DEPLOY)).contains(timeout);
    assertThat(ClusterAccess.RUN_COMMAND.sentence()).contains("512 kB", "60 seconds", ClusterAccess.ROLLOUT_MINUTES + " minutes");
  }

  @Test
  void theRunCommandRoleIsDefinedForTheResourceGroupAndAssignedOnTheClusterAlone() {
    // Azure advises against a resource in a custom role's assignable scopes (learn.microsoft.com/azure/
    // role-based-access-control/role-definitions#assignablescopes): the assignment's scope limits the access
    String module = content(render("azure", "kubernetes"), WorkflowsLogInAsInfraIdentities.MODULE);
    String definition = module.substring(module.indexOf("resource \"azurerm_role_definition\" \"deploy_run_command\""));
    definition = definition.substring(0, definition.indexOf("\n}\n"));
    assertThat(definition).contains("scope       = var.resource_group_id", "assignable_scopes = [var.resource_group_id]")
        .doesNotContain("var.cluster_id");
    String assignment = module.substring(module.indexOf("resource \"azurerm_role_assignment\" \"deploy_cluster\""));
    assertThat(assignment.substring(0, assignment.indexOf("\n}\n"))).contains("scope              = var.cluster_id",
        "azurerm_role_definition.deploy_run_command.role_definition_resource_id");
  }

  @Test
  void aPlainKubectlOnAzureOrAnIdentityThatMayNotInvokeIsCaught() {
    List<Artifact> all = render("azure", "kubernetes");
    assertThat(broken(all, DEPLOY, "          az aks command invoke --resource-group",
        "          kubectl apply -f manifests.yaml\n          az aks command invoke --resource-group")).hasSize(3)
        .allMatch(m -> m.contains("runs kubectl outside az aks command invoke") && m.endsWith("kubectl apply -f manifests.yaml"));
    assertThat(broken(all, DeployReachesCluster.CLUSTER_MODULE, "run_command_enabled       = true",
        "run_command_enabled       = false")).singleElement().asString().endsWith("turns run command off");
    assertThat(broken(all, WorkflowsLogInAsInfraIdentities.MODULE,
        "\"Microsoft.ContainerService/managedClusters/runcommand/action\",", "")).singleElement().asString()
        .contains("may not (Microsoft.ContainerService/managedClusters/runcommand/action)");
    // az identity show reads the secret store's identity, which the deploy identity may read, and no other
    assertThat(content(all, DEPLOY)).contains("az identity show");
    assertThat(content(all, WorkflowsLogInAsInfraIdentities.MODULE)).contains(
        "scope                = var.secret_store_identity_id\n  role_definition_name = \"Reader\"");
    assertThat(content(all, PROD)).contains("secret_store_identity_id = module.identity.ids[\"shop-secret-store\"]");
    assertThat(broken(all, WorkflowsLogInAsInfraIdentities.MODULE, "scope                = var.secret_store_identity_id",
        "scope                = var.resource_group_id")).singleElement().asString()
        .contains("may not read that identity (a role assignment scoped to var.secret_store_identity_id)");
  }
}
