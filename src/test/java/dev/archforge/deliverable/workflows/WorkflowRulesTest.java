package dev.archforge.deliverable.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Actionlint;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow validator and the rule pipeline-runs-promised-checks, each broken on purpose. */
class WorkflowRulesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  /** fintech-ledger as decided: PostgreSQL migrations, contracts, four deployables on Kubernetes. */
  private static List<Artifact> fintech() {
    return PIPELINE.render(Facts.of(RuntimePlans.decide(Path.of("samples/fintech-ledger.yaml"), Map.of())), RENDERER);
  }

  private static List<Artifact> edit(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  private static Artifact file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void withoutTheMigrationsJobTheRuleFindsThePromiseBroken() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.CI, ci -> ci.replaceFirst(
        "(?s)\\n  migrations:.*?(?=\\n  images:)", "").replace(", migrations]", "]"));
    assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.CI))).isEmpty();
    assertThat(new PipelineRunsPromisedChecks().validate(all)).extracting(Finding::message).containsExactly(
        "the workspace has migrations, but no job applies them to a throwaway database (a service container and"
            + " validate --db)");
  }

  @Test
  void withoutTheGateSbomOrSignatureTheRuleSaysWhich() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.CI, ci -> ci.replace(" --fail-on-breaking", "")
        .replace("--sbom=true ", "").replace(" sign --yes", " verify"));
    assertThat(new PipelineRunsPromisedChecks().validate(all)).extracting(Finding::message).containsExactly(
        "the workspace has API contracts, but no step runs the breaking-change gate (--fail-on-breaking)",
        "the images are built without an SBOM and provenance", "the images are not signed");
  }

  @Test
  void aDockerfileWithoutAnImageAndAnOverlayWithoutADeployAreCaught() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.CI, ci -> ci.replaceFirst(
        "(?m)^ *- name: \"ledger\"\\n *source: .*\\n *dockerfile: .*\\n", ""));
    all = edit(all, WorkflowsDeliverable.DEPLOY, d -> d.replace("environment: \"staging\"", "environment: \"qa\""));
    assertThat(new PipelineRunsPromisedChecks().validate(all)).extracting(Finding::message).containsExactly(
        "no job builds the image of deploy/ledger/Dockerfile",
        "no deploy job runs in the GitHub environment staging for the overlay deploy/k8s/overlays/staging");
  }

  @Test
  void aDeployIntoAnotherNamespaceThanItsOverlayIsCaught() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.DEPLOY, d -> d.replace("\"paystream-prod\"",
        "\"paystream\""));
    // prod's job and the second region's (whose overlay builds on prod's) are both checked
    assertThat(new PipelineRunsPromisedChecks().validate(all)).extracting(Finding::message).containsExactly(
        "the prod deploy applies deploy/k8s/overlays/prod into namespace paystream; the overlay is"
            + " deploy/k8s/overlays/prod with namespace paystream-prod",
        "the prod-warm-standby deploy applies deploy/k8s/overlays/prod-warm-standby into namespace paystream; the"
            + " overlay is deploy/k8s/overlays/prod-warm-standby with namespace paystream-prod");
  }

  @Test
  void aServerlessPlanOffAwsBuildsTheImagesItsFunctionsRunAndRollsOutTheirServices() {
    // cloud any: the functions are Knative Services (deploy/cloudrun/), rolled out as managed containers are
    List<Artifact> all = PIPELINE.render(Facts.of(RuntimePlans.decide(Path.of("samples/minimal.yaml"),
        Map.of("deployment", "serverless"))), RENDERER);
    assertThat(all).extracting(Artifact::path).contains(WorkflowsDeliverable.CI, WorkflowsDeliverable.DEPLOY);
    assertThat(file(all, WorkflowsDeliverable.CI).content()).contains("images:", "cosign");
    assertThat(file(all, WorkflowsDeliverable.DEPLOY).content()).contains("gcloud run services replace",
        "DESCRIPTORS: \"deploy/cloudrun\"\n").doesNotContain("kubectl", "sam deploy");
    assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.CI))).isEmpty();
    assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.DEPLOY))).isEmpty();
    assertThat(new PipelineRunsPromisedChecks().validate(all)).isEmpty();
  }

  @Test
  void aDeployThatKeepsThePlaceholderImageIsCaught() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.DEPLOY, d -> d.replaceFirst(
        "(DEPLOYABLES: \"[^\"]*)\\bledger\\b ?", "$1"));
    assertThat(new PipelineRunsPromisedChecks().validate(all)).extracting(Finding::message).singleElement()
        .satisfies(m -> assertThat(m).matches("the dev deploy does not replace the image 111122223333\\.dkr\\.ecr\\."
            + "[a-z0-9-]+\\.amazonaws\\.com/paystream-dev/ledger:0\\.1\\.0 of Deployment ledger with the one built from"
            + " the commit"));
    List<Artifact> otherTag = edit(fintech(), WorkflowsDeliverable.DEPLOY, d -> d.replaceFirst(
        "VERSION: \"0.1.0\"", "VERSION: \"0.0.9\""));
    assertThat(new PipelineRunsPromisedChecks().validate(otherTag)).extracting(Finding::message)
        .allMatch(m -> m.startsWith("the dev deploy does not replace the image")).hasSize(4);
  }

  @Test
  void anUnpinnedActionMissingPermissionsAndASchemaErrorAreCaught() {
    List<Artifact> all = edit(fintech(), WorkflowsDeliverable.CI, ci -> ci
        .replaceFirst("actions/checkout@[0-9a-f]{40}", "actions/checkout@v4")
        .replace("permissions:\n  contents: read\n\nconcurrency", "concurrency")
        .replaceFirst("timeout-minutes: 30", "timeout-minutes: soon"));
    List<Finding> findings = new WorkflowValidator().validate(file(all, WorkflowsDeliverable.CI));
    assertThat(findings).extracting(Finding::message)
        .contains("the action actions/checkout@v4 is not pinned by a full commit SHA")
        .anySatisfy(m -> assertThat(m).startsWith("no top-level permissions"))
        .anySatisfy(m -> assertThat(m).contains("timeout-minutes"));
  }

  /** Managed containers on each cloud: a deploy job per environment rolls out the platform's descriptors. */
  @Test
  void managedContainersAreDeployedFromTheirDescriptorsInEveryEnvironment(@TempDir Path dir) {
    Map<String, String> folders = Map.of("aws", "deploy/ecs", "gcp", "deploy/cloudrun", "azure", "deploy/containerapps");
    Map<String, String> commands = Map.of("aws", "aws ecs register-task-definition", "gcp", "gcloud run services replace",
        "azure", "az containerapp update");
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> cloud : folders.entrySet()) {
      List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant(
          "ecommerce.yaml", AsyncApiPlans.sampleText("ecommerce.yaml"), cloud.getKey(),
          cloud.getKey(), Map.of("architecture-style", "microservices", "deployment", "managed-containers")).plan()),
          RENDERER);
      String deploy = file(all, WorkflowsDeliverable.DEPLOY).content();
      assertThat(deploy).as(cloud.getKey()).contains("DESCRIPTORS: \"" + cloud.getValue() + "\"", commands.get(cloud.getKey()),
          "environment: \"prod\"", "needs: [staging]", "id-token: write").doesNotContain("kubectl");
      // every job logs in with the workflow's OpenID Connect token: no stored cloud key
      assertThat(deploy).as(cloud.getKey()).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
          "GCP_CREDENTIALS", "AZURE_CLIENT_SECRET");
      assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.DEPLOY))).isEmpty();
      assertThat(new PipelineRunsPromisedChecks().validate(all)).as(cloud.getKey()).isEmpty();
      List<Artifact> workflows = all.stream().filter(a -> a.kind().equals(WorkflowsDeliverable.KIND)).toList();
      Path into = dir.resolve(cloud.getKey());
      RuntimePlans.write(workflows, into);
      workflows.forEach(w -> written.add(into.resolve(w.path())));

      List<Artifact> noOrders = edit(all, WorkflowsDeliverable.DEPLOY, d -> d.replaceAll("(DEPLOYABLES: \"[^\"]*)\\borders\\b ?", "$1"));
      assertThat(new PipelineRunsPromisedChecks().validate(noOrders)).extracting(Finding::message)
          .contains("the prod deploy does not roll out orders of " + cloud.getValue() + " with the image built from"
              + " the commit");
      List<Artifact> noProd = edit(all, WorkflowsDeliverable.DEPLOY, d -> d.replace("environment: \"prod\"",
          "environment: \"production\""));
      assertThat(new PipelineRunsPromisedChecks().validate(noProd)).extracting(Finding::message)
          .contains("no deploy job runs in the GitHub environment prod for the descriptors of " + cloud.getValue());
    }
    assertThat(Actionlint.problems(written)).isEmpty();
  }

  /**
   * Virtual machines on AWS: a deploy job per environment gives each auto scaling group the user data
   * with the commit's image and refreshes its machines.
   */
  @Test
  void virtualMachinesOnAwsAreRolledByAnInstanceRefreshInEveryEnvironment(@TempDir Path dir) {
    Map<String, String> vm = Map.of("architecture-style", "microservices", "deployment", "vm");
    List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml",
        AsyncApiPlans.sampleText("ecommerce.yaml"), "aws", "aws", vm).plan()), RENDERER);
    String deploy = file(all, WorkflowsDeliverable.DEPLOY).content();
    assertThat(deploy).contains("DESCRIPTORS: \"deploy/vm\"", "aws autoscaling start-instance-refresh",
        "aws ec2 create-launch-template-version", "environment: \"prod\"", "needs: [staging]",
        // the user data goes in as JSON, each command continued on its next line
        "--launch-template-data \"{\\\"UserData\\\":\\\"$data\\\"}\" \\\n").doesNotContain("kubectl", "\"{\"UserData",
        "\"$PROJECT-$name\"    ", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(deploy).contains("AWS_WEB_IDENTITY_TOKEN_FILE", "id-token: write");
    assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.DEPLOY))).isEmpty();
    assertThat(new PipelineRunsPromisedChecks().validate(all)).isEmpty();
    List<Artifact> workflows = all.stream().filter(a -> a.kind().equals(WorkflowsDeliverable.KIND)).toList();
    RuntimePlans.write(workflows, dir);
    assertThat(Actionlint.problems(workflows.stream().map(w -> dir.resolve(w.path())).toList())).isEmpty();

    List<Artifact> noOrders = edit(all, WorkflowsDeliverable.DEPLOY, d -> d.replaceAll("(DEPLOYABLES: \"[^\"]*)\\borders\\b ?", "$1"));
    assertThat(new PipelineRunsPromisedChecks().validate(noOrders)).extracting(Finding::message)
        .contains("the prod deploy does not roll out orders of deploy/vm with the image built from the commit");
    List<Artifact> noDeploy = all.stream().filter(a -> !a.path().equals(WorkflowsDeliverable.DEPLOY)).toList();
    assertThat(new PipelineRunsPromisedChecks().validate(noDeploy)).extracting(Finding::message)
        .contains("no deploy job runs in the GitHub environment staging for the descriptors of deploy/vm");
  }

  /**
   * Virtual machines on gcp and azure: a deploy job per environment (per cell under dataResidency), logged
   * in by OpenID Connect, rolls each managed instance group to a template with the commit's user data, or
   * gives each scale set the new custom data and waits for its rolling upgrade; prod waits in its environment.
   */
  @Test
  void virtualMachinesOnGcpAndAzureAreRolledInEveryEnvironmentAndCell(@TempDir Path dir) {
    Map<String, String> vm = Map.of("architecture-style", "microservices", "deployment", "vm");
    Map<String, List<String>> steps = Map.of(
        "gcp", List.of("gcloud iam workload-identity-pools create-cred-config",
            "--filter \"name ~ ^$group-base-\"", "gcloud compute instance-templates create", "--metadata-from-file \"user-data=$RUNNER_TEMP/$name.yaml\"",
            "rolling-action start-update \"$group\"", "--version-target-reached", "PROJECT: \"shop\""),
        "azure", List.of("--federated-token \"$token\"", "virtualMachineProfile.osProfile.customData=",
            "az vmss rolling-upgrade get-latest", "RESOURCE_GROUP: \"shop-prod\"", "RESOURCE_GROUP: \"shop-dev\""));
    List<Path> written = new ArrayList<>();
    for (String cloud : List.of("gcp", "azure")) {
      List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml",
          AsyncApiPlans.sampleText("ecommerce.yaml"), cloud, cloud, vm).plan()), RENDERER);
      String deploy = file(all, WorkflowsDeliverable.DEPLOY).content();
      assertThat(deploy).as(cloud).contains(steps.get(cloud)).contains("DESCRIPTORS: \"deploy/vm\"",
          "environment: \"prod\"", "needs: [staging]", "id-token: write")
          .doesNotContain("kubectl", "GCP_CREDENTIALS", "AZURE_CLIENT_SECRET");
      assertThat(new WorkflowValidator().validate(file(all, WorkflowsDeliverable.DEPLOY))).as(cloud).isEmpty();
      assertThat(new PipelineRunsPromisedChecks().validate(all)).as(cloud).isEmpty();
      List<Artifact> noOrders = edit(all, WorkflowsDeliverable.DEPLOY,
          d -> d.replaceAll("(DEPLOYABLES: \"[^\"]*)\\borders\\b ?", "$1"));
      assertThat(new PipelineRunsPromisedChecks().validate(noOrders)).as(cloud).extracting(Finding::message)
          .contains("the prod deploy does not roll out orders of deploy/vm with the image built from the commit");

      List<Artifact> cells = PIPELINE.render(Facts.of(AsyncApiPlans.variant("clinic-residency.yaml",
          AsyncApiPlans.sampleText("clinic-residency.yaml"), cloud, cloud, vm).plan()), RENDERER);
      String cellDeploy = file(cells, WorkflowsDeliverable.DEPLOY).content();
      assertThat(cellDeploy).as(cloud).contains("environment: \"prod-eu\"", "DESCRIPTORS: \"deploy/vm/prod-eu\"",
          "environment: \"prod-us\"", "DESCRIPTORS: \"deploy/vm/prod-us\"");
      if (cloud.equals("azure")) {
        assertThat(cellDeploy).contains("RESOURCE_GROUP: \"clinic-prod-eu\"", "RESOURCE_GROUP: \"clinic-prod-us\"");
      }
      assertThat(new WorkflowValidator().validate(file(cells, WorkflowsDeliverable.DEPLOY))).as(cloud).isEmpty();
      for (List<Artifact> run : List.of(all, cells)) {
        List<Artifact> workflows = run.stream().filter(a -> a.kind().equals(WorkflowsDeliverable.KIND)).toList();
        Path at = dir.resolve(cloud + written.size());
        RuntimePlans.write(workflows, at);
        workflows.forEach(w -> written.add(at.resolve(w.path())));
      }
    }
    assertThat(Actionlint.problems(written)).isEmpty();
  }

  /**
   * The secret store's ServiceAccount names a placeholder account, project or client id; the
   * Kubernetes deploy puts in the real one. The job's own lines run here with bash over the
   * rendered secretstore.yaml (az answering a client id on azure).
   */
  @Test
  void theKubernetesDeployPutsTheRealIdentityIntoTheSecretStore(@TempDir Path dir) throws Exception {
    Map<String, String> found = Map.of("aws", "arn:aws:iam::123456789012:role/shop-secrets",
        "gcp", "shop-secrets@my-project.iam.gserviceaccount.com", "azure", "11111111-2222-3333-4444-555555555555");
    for (String cloud : List.of("aws", "gcp", "azure")) {
      List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml",
          AsyncApiPlans.sampleText("ecommerce.yaml"), cloud, cloud, Map.of("deployment", "kubernetes")).plan()), RENDERER);
      String store = file(all, "deploy/k8s/base/secretstore.yaml").content();
      String deploy = file(all, WorkflowsDeliverable.DEPLOY).content();
      int at = deploy.indexOf("# the secret store's");
      assertThat(at).as(cloud).isPositive();
      // up to the apply: kubectl's own on aws and gcp, the command run in the cluster on azure
      int end = deploy.indexOf(cloud.equals("azure") ? "# kubectl runs inside the cluster" : "kubectl apply", at);
      String lines = deploy.substring(deploy.lastIndexOf('\n', at) + 1, end)
          .lines().map(String::strip).collect(java.util.stream.Collectors.joining("\n"));
      java.nio.file.Files.writeString(dir.resolve("manifests.yaml"), store);
      ProcessBuilder bash = new ProcessBuilder("bash", "-ec", "az() { echo " + found.get("azure") + "; }\n" + lines)
          .redirectErrorStream(true);
      bash.environment().putAll(Map.of("RUNNER_TEMP", dir.toString(), "RESOURCE_GROUP", "shop-prod",
          "PLACEHOLDER", cloud.equals("aws") ? "111122223333" : "PROJECT_ID",
          "ACCOUNT", cloud.equals("aws") ? "123456789012" : "my-project"));
      Process run = bash.start();
      String output = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as(cloud + ": " + output).isZero();
      assertThat(java.nio.file.Files.readString(dir.resolve("manifests.yaml"))).as(cloud).contains(found.get(cloud))
          .doesNotContain("111122223333", "PROJECT_ID", "00000000-0000-0000-0000-000000000000");
      if (!cloud.equals("azure")) {
        String placeholder = cloud.equals("aws") ? "111122223333" : "PROJECT_ID";
        assertThat(deploy).as(cloud).contains("PLACEHOLDER: \"" + placeholder);
      }
    }
  }

  /**
   * On azure the cluster's API server is private: the deploy job runs kubectl in it with az aks
   * command invoke, which reports the command's exit code in its result rather than its own. The
   * job's own lines run here with bash, az answering a result: the step prints the command's logs,
   * and fails when the command did, naming every deployable's rollout in the command it sends.
   */
  @Test
  void theAzureDeployFailsWhenTheCommandInTheClusterFails(@TempDir Path dir) throws Exception {
    List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml",
        AsyncApiPlans.sampleText("ecommerce.yaml"), "azure", "azure", Map.of("deployment", "kubernetes")).plan()), RENDERER);
    String deploy = file(all, WorkflowsDeliverable.DEPLOY).content();
    int at = deploy.indexOf("          cd \"$RUNNER_TEMP\"");
    String lines = deploy.substring(at, deploy.indexOf("          fi\n", at) + "          fi".length() + 1).lines()
        .map(String::strip).collect(java.util.stream.Collectors.joining("\n"));
    assertThat(lines).contains("az aks command invoke", "--file manifests.yaml");
    for (int code : List.of(0, 1)) {
      // az records the command it was asked to run, and answers a result with that exit code
      String az = "az() { printf '%s\\n' \"$@\" > \"$RUNNER_TEMP/args\"; printf '{\"exitCode\": " + code
          + ", \"logs\": \"deployment.apps/orders configured\"}'; }\n";
      ProcessBuilder bash = new ProcessBuilder("bash", "-ec", az + lines).redirectErrorStream(true);
      bash.environment().putAll(Map.of("RUNNER_TEMP", dir.toString(), "RESOURCE_GROUP", "shop-prod", "CLUSTER",
          "shop-prod", "NAMESPACE", "shop-prod", "DEPLOYABLES", "orders payments"));
      Process run = bash.start();
      String output = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as(output).isEqualTo(code == 0 ? 0 : 1);
      assertThat(output).contains("deployment.apps/orders configured");
      String args = java.nio.file.Files.readString(dir.resolve("args"));
      assertThat(args).contains("kubectl apply -f manifests.yaml", "kubectl -n shop-prod rollout status deployment/$name",
          "for name in orders payments;", "--file\nmanifests.yaml", "--name\nshop-prod");
    }
  }
}
