package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * backup-dr's second region (fintech-ledger: a warm standby) gets a deploy job on every cloud and
 * runtime but gcp's virtual machines: after production's, in its own GitHub environment, applying the
 * files rendered for its root (its overlay, descriptors, SAM template or user data in the folder named
 * after the root). The rules that check deploy jobs check this one: each mutation below breaks one
 * thing the job or its files name, and the rule catches it.
 */
class SecondRegionDeployTest {
  private static final Path FINTECH = Path.of("samples/fintech-ledger.yaml");
  private static final String ROOT = "prod-warm-standby";
  private static final String STANDBY = "infra/envs/" + ROOT + "/main.tf";
  private static final String DEPLOY = ".github/workflows/deploy.yaml";
  private static final Pipeline PIPELINE = Pipeline.standard();

  private static List<Artifact> render(String cloud, String deployment) {
    return PIPELINE.render(Facts.of(SamplePlans.deployedOn(FINTECH, cloud, deployment)), new TemplateRenderer(List.of()));
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  /** The standby's job in the deploy workflow, from its key to the end (it is the last job). */
  private static String job(List<Artifact> all) {
    String deploy = file(all, DEPLOY);
    return deploy.substring(deploy.indexOf("  " + ROOT + ":"));
  }

  /** The artifacts with {@code path}'s content changed, asserting the change changed something. */
  private static List<Artifact> edit(List<Artifact> all, String path, UnaryOperator<String> change) {
    String before = file(all, path);
    String after = change.apply(before);
    assertThat(after).as(path).isNotEqualTo(before);
    return all.stream().map(a -> a.path().equals(path) ? new Artifact(a.path(), after, a.kind()) : a).toList();
  }

  /** The artifacts with the standby's job changed. */
  private static List<Artifact> editJob(List<Artifact> all, UnaryOperator<String> change) {
    String job = job(all);
    return edit(all, DEPLOY, d -> d.replace(job, change.apply(job)));
  }

  @ParameterizedTest
  @CsvSource({"aws, kubernetes, us-east-2, deploy/k8s/overlays/prod-warm-standby/kustomization.yaml",
      "aws, managed-containers, us-east-2, deploy/ecs/prod-warm-standby/ledger.task-definition.json",
      "aws, serverless, us-east-2, deploy/sam/prod-warm-standby/template.yaml",
      "aws, vm, us-east-2, deploy/vm/prod-warm-standby/ledger.cloud-init.yaml",
      "azure, kubernetes, westus, deploy/k8s/overlays/prod-warm-standby/kustomization.yaml",
      "azure, managed-containers, westus, deploy/containerapps/prod-warm-standby/ledger.containerapp.yaml",
      "azure, serverless, westus, deploy/containerapps/prod-warm-standby/ledger.containerapp.yaml",
      "azure, vm, westus, deploy/vm/prod-warm-standby/ledger.cloud-init.yaml",
      "gcp, kubernetes, us-west1, deploy/k8s/overlays/prod-warm-standby/kustomization.yaml",
      "gcp, managed-containers, us-west1, deploy/cloudrun/prod-warm-standby/ledger.service.yaml",
      "gcp, serverless, us-west1, deploy/cloudrun/prod-warm-standby/ledger.service.yaml"})
  void theSecondRegionIsDeployedAfterProductionFromFilesRenderedForItsRoot(String cloud, String deployment,
      String region, String rendered) {
    List<Artifact> all = render(cloud, deployment);
    String job = job(all);
    assertThat(job).contains("needs: [prod]").contains("environment: \"" + ROOT + "\"");
    if (!cloud.equals("azure")) {
      assertThat(job).containsPattern("(AWS_)?REGION: \"" + region + "\"");
    }
    assertThat(all).extracting(Artifact::path).contains(rendered);
    String folder = rendered.substring(0, rendered.indexOf(ROOT) + ROOT.length());
    assertThat(job).contains(folder);
    if (!rendered.contains("/k8s/")) {
      // the files name the second region, not production's
      assertThat(file(all, rendered)).doesNotContain(cloud.equals("aws") ? "us-east-1" : cloud.equals("gcp")
          ? "us-central1" : "paystream-prod/");
    }
    assertThat(file(all, "observability/RUNBOOK.md")).contains("the deploy workflow's job `" + ROOT + "`")
        .doesNotContain("with this root's names");
    assertThat(file(all, "infra/README.md")).contains("the deploy workflow's job " + ROOT + " deploys each release");
    assertThat(PIPELINE.validate(all)).isEmpty();
  }

  @Test
  void onGcpVirtualMachinesTheRunbookDeploysByHand() {
    List<Artifact> all = render("gcp", "vm");
    assertThat(file(all, DEPLOY)).doesNotContain(ROOT + ":");
    assertThat(all).extracting(Artifact::path).noneMatch(p -> p.startsWith("deploy/vm/" + ROOT));
    assertThat(file(all, STANDBY)).contains("deploy/vm\"");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("so run its production job with this root's names");
  }

  @Test
  void theStandbysEcsServicesAreCreatedFromItsOwnDescriptors() {
    assertThat(file(render("aws", "managed-containers"), STANDBY))
        .contains("descriptors       = \"${path.root}/../../../deploy/ecs/prod-warm-standby\"");
  }

  private static List<Finding> findings(CrossValidator rule, List<Artifact> all) {
    return rule.validate(all);
  }

  @Test
  void descriptorsMatchInfrastructureChecksTheStandbysJobAndFiles() {
    DescriptorsMatchInfrastructure rule = new DescriptorsMatchInfrastructure();
    List<Artifact> ecs = render("aws", "managed-containers");
    assertThat(findings(rule, ecs)).isEmpty();
    // the job rolls the services of production's cluster
    assertThat(findings(rule, editJob(ecs, j -> j.replace("CLUSTER: \"paystream-prod-warm-standby\"",
        "CLUSTER: \"paystream\"")))).anySatisfy(f -> assertThat(f.message())
        .contains("names the cluster paystream as the " + ROOT + " deploy applies it").contains(STANDBY));
    // the job rolls them out in production's region
    assertThat(findings(rule, editJob(ecs, j -> j.replace("AWS_REGION: \"us-east-2\"", "AWS_REGION: \"us-east-1\""))))
        .anySatisfy(f -> assertThat(f.message()).contains("names the region us-east-1 as the " + ROOT + " deploy"));
    // the standby's descriptor reads production's region's secrets, or names production's roles
    String task = "deploy/ecs/prod-warm-standby/ledger.task-definition.json";
    assertThat(findings(rule, edit(ecs, task, t -> t.replace("secretsmanager:us-east-2:", "secretsmanager:us-east-1:"))))
        .anySatisfy(f -> assertThat(f.path()).isEqualTo(task)).anySatisfy(f -> assertThat(f.message())
            .contains("secret in region us-east-1"));
    assertThat(findings(rule, edit(ecs, task, t -> t.replace("\"awslogs-region\": \"us-east-2\"",
        "\"awslogs-region\": \"us-east-1\"")))).anySatisfy(f -> assertThat(f.message()).contains("log group region"));
    assertThat(findings(rule, edit(ecs, task, t -> t.replace("ledger-task-prod-warm-standby", "ledger-task")
        .replace("ledger-execution-prod-warm-standby", "ledger-execution")))).isNotEmpty()
        .anySatisfy(f -> assertThat(f.message()).contains("task role paystream-ledger-task"));
    // the Kubernetes overlay's secret store reads production's region, or the standby's key vault is production's
    String overlay = "deploy/k8s/overlays/prod-warm-standby/kustomization.yaml";
    List<Artifact> eks = render("aws", "kubernetes");
    assertThat(findings(rule, eks)).isEmpty();
    assertThat(findings(rule, edit(eks, overlay, o -> o.replace("value: \"us-east-2\"", "value: \"us-east-1\""))))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("as overlay " + ROOT + " applies it reads"
            + " Secrets Manager in us-east-1"));
    List<Artifact> aks = render("azure", "kubernetes");
    assertThat(findings(rule, edit(aks, overlay, o -> o.replace("paystream-prod-warm-stan.vault", "paystream-prod.vault"))))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("the Key Vault https://paystream-prod.vault"));
    List<Artifact> apps = render("azure", "managed-containers");
    assertThat(findings(rule, apps)).isEmpty();
    assertThat(findings(rule, editJob(apps, j -> j.replace("KEY_VAULT: \"paystream-prod-warm-stan\"",
        "KEY_VAULT: \"paystream-prod\"")))).anySatisfy(f -> assertThat(f.message())
        .contains("names the Key Vault paystream-prod as the " + ROOT + " deploy applies it"));
    // Cloud Run: the standby's descriptors name callees' URLs in their own region, which its job keeps
    List<Artifact> run = render("gcp", "managed-containers");
    assertThat(findings(rule, run)).isEmpty();
    assertThat(findings(rule, editJob(run, j -> j.replace("REGION: \"us-west1\"\n", "REGION: \"us-central1\"\n"))))
        .anySatisfy(f -> assertThat(f.message()).contains("region us-central1 as the " + ROOT + " deploy applies it"));
  }

  @Test
  void endpointsHaveInfrastructureReadsTheStandbysFiles() {
    EndpointsHaveInfrastructure rule = new EndpointsHaveInfrastructure();
    for (String[] c : new String[][] {{"aws", "managed-containers", "deploy/ecs/prod-warm-standby/ledger.task-definition.json"},
        {"azure", "vm", "deploy/vm/prod-warm-standby/ledger.cloud-init.yaml"},
        {"aws", "serverless", "deploy/sam/prod-warm-standby/template.yaml"}}) {
      List<Artifact> all = render(c[0], c[1]);
      assertThat(rule.validate(all)).as(c[1]).isEmpty();
      assertThat(rule.validate(edit(all, c[2], t -> t.replace("ledger-db.internal.example", "ledger-db2.internal.example"))))
          .as(c[0] + " " + c[1]).isNotEmpty().allSatisfy(f -> assertThat(f.path()).isEqualTo(c[2]));
    }
  }

  @ParameterizedTest
  @CsvSource({"aws, managed-containers", "aws, kubernetes", "azure, vm", "azure, kubernetes", "gcp, managed-containers"})
  void workflowsLogInAsInfraIdentitiesChecksTheStandbysJob(String cloud, String deployment) {
    WorkflowsLogInAsInfraIdentities rule = new WorkflowsLogInAsInfraIdentities();
    List<Artifact> all = render(cloud, deployment);
    assertThat(rule.validate(all)).isEmpty();
    // the standby's deploy identity trusts production's environment instead of its own
    assertThat(rule.validate(edit(all, STANDBY, t -> t.replace("environment:" + ROOT, "environment:prod"))))
        .isNotEmpty().anySatisfy(f -> assertThat(f.message()).contains(ROOT));
  }

  @Test
  void deployReachesClusterChecksTheStandbysJob() {
    DeployReachesCluster rule = new DeployReachesCluster();
    List<Artifact> eks = render("aws", "kubernetes");
    assertThat(rule.validate(eks)).isEmpty();
    // on production's runners, in production's VPC, the standby's private cluster is out of reach
    assertThat(rule.validate(editJob(eks, j -> j.replace("codebuild-paystream-prod-warm-standby-deploy-",
        "codebuild-paystream-prod-deploy-")))).singleElement().satisfies(f -> assertThat(f.message())
        .contains("the deploy job " + ROOT).contains("which the root does not create"));
    List<Artifact> gke = render("gcp", "kubernetes");
    assertThat(rule.validate(gke)).isEmpty();
    assertThat(rule.validate(editJob(gke, j -> j.replace(" --dns-endpoint", "")))).isNotEmpty()
        .anySatisfy(f -> assertThat(f.message()).contains(ROOT));
    List<Artifact> aks = render("azure", "kubernetes");
    assertThat(rule.validate(aks)).isEmpty();
    assertThat(rule.validate(editJob(aks, j -> j.replaceAll("az aks command invoke [^\\n]*\\n[^\\n]*\\n",
        "kubectl apply -f manifests.yaml\n")))).isNotEmpty().anySatisfy(f -> assertThat(f.message()).contains(ROOT));
  }

  @Test
  void onGcpProductionsSecretEntriesAreNeverReplacedForTheSecondRegion() {
    List<Artifact> all = render("gcp", "kubernetes");
    String module = file(all, "infra/modules/secrets/main.tf");
    // the second region's copy is set when an entry is created; a change is ignored, never a replacement
    assertThat(module).contains("location = replicas.value")
        .containsPattern("lifecycle \\{\\s+ignore_changes = \\[replication]\\s+}");
    assertThat(file(all, "infra/envs/prod/main.tf")).contains("replica_region     = \"us-west1\"");
    assertThat(file(all, "infra/README.md")).contains("Sharing production's network is right on Google Cloud")
        .contains("tofu apply -replace='module.secrets.google_secret_manager_secret.this[\"ID\"]'");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("Check the secret entries: production created them"
        + " with a copy in us-west1");
    assertThat(PIPELINE.validate(all)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"managed-containers", "vm"})
  void onAwsRoute53MovesClientsToTheStandbyWhenProductionHasNoHealthyTarget(String deployment) {
    List<Artifact> all = render("aws", deployment);
    String prod = file(all, "infra/envs/prod/main.tf");
    String standby = file(all, STANDBY);
    String record = "(?s).*resource \"aws_route53_record\" \"public\" \\{\\s+count += var\\.public_zone_id == \"\" \\? 0 : 1"
        + "\\s+zone_id += var\\.public_zone_id\\s+name += \"api\\.example\\.com\"\\s+type += \"A\"\\s+set_identifier = \"%s\""
        + "\\s+failover_routing_policy \\{\\s+type = \"%s\".*evaluate_target_health = true.*";
    assertThat(prod).matches(String.format(record, "prod", "PRIMARY")).contains("variable \"public_zone_id\"");
    assertThat(standby).matches(String.format(record, ROOT, "SECONDARY")).contains("variable \"public_zone_id\"");
    assertThat(file(all, "infra/modules/" + (deployment.equals("vm") ? "runtime-vm" : "runtime-managed-containers")
        + "/main.tf")).contains("output \"load_balancer_zone_id\"");
    assertThat(file(all, "infra/README.md")).contains("set the variable\n`public_zone_id` of both roots");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("Move the traffic: Route 53 does it. The failover pair"
        + " `aws_route53_record.public` of `infra/envs/prod` and of `infra/envs/prod-warm-standby`");
    assertThat(PIPELINE.validate(all)).isEmpty();
    // every argument is checked against the provider's schema: a misspelt routing block fails the run
    List<Artifact> misspelt = edit(all, STANDBY, t -> t.replace("failover_routing_policy {", "failover_policy {"));
    assertThat(PIPELINE.validate(misspelt)).isNotEmpty()
        .anySatisfy(f -> assertThat(f.path()).isEqualTo(STANDBY));
  }

  @Test
  void activeActiveRoutesEachClientToTheNearestHealthyRegion() throws Exception {
    String text = java.nio.file.Files.readString(FINTECH).replace("deployment: kubernetes", "deployment: managed-containers")
        .replaceFirst("(?m)^  backup-dr: warm-standby-region\n", "");
    var plan = SamplePlans.plan(new dev.archforge.load.RequirementsLoader().load("f.yaml", text).requirements()
        .orElseThrow());
    List<Artifact> all = PIPELINE.render(Facts.of(plan), new TemplateRenderer(List.of()));
    for (String root : List.of("prod", "prod-second-region")) {
      assertThat(file(all, "infra/envs/" + root + "/main.tf")).contains("set_identifier = \"" + root + "\"")
          .contains("latency_routing_policy {\n    region = var.region\n  }").doesNotContain("failover_routing_policy");
    }
    assertThat(PIPELINE.validate(all)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"aws, kubernetes", "azure, vm", "gcp, managed-containers"})
  void elsewhereTheRunbookSaysWhatAPersonPointsTheHostAt(String cloud, String deployment) {
    List<Artifact> all = render(cloud, deployment);
    assertThat(all).noneMatch(a -> a.path().endsWith(".tf") && a.content().contains("public_zone_id"));
    assertThat(file(all, "observability/RUNBOOK.md")).contains("Move the traffic: infra/ writes no record for"
        + " `api.example.com` on this cloud and runtime. In the team's DNS zone, point `api.example.com` at");
    assertThat(file(all, "infra/README.md")).contains("No record of the public host `api.example.com` is written");
    if (deployment.equals("kubernetes")) {
      assertThat(file(all, "observability/RUNBOOK.md")).contains("get gateway paystream");
    }
  }

  @Test
  void everyFolderOfFunctionsStartsEachConsumer() {
    // the standby's functions are deployed from their own descriptors: a consumer that only production's starts
    // never reads its events in the second region
    List<Artifact> all = render("azure", "serverless");
    java.util.function.Function<List<Artifact>, List<Finding>> rule = a -> PIPELINE.validate(a).stream()
        .filter(f -> f.validator().equals("consumers-are-triggered")).toList();
    assertThat(rule.apply(all)).isEmpty();
    String app = "deploy/containerapps/prod-warm-standby/ledger.containerapp.yaml";
    assertThat(rule.apply(edit(all, app, t -> t.replace("topic: \"paystream.accounts.account-opened.v1\"",
        "topic: \"paystream.accounts.account-closed.v1\"")))).singleElement().satisfies(f -> assertThat(f.message())
        .contains("receives paystream.accounts.account-opened.v1").endsWith("(as deploy/containerapps/prod-warm-standby/"
            + " deploys it)"));
  }
}
