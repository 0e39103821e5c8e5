package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Hcl2Json;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * backup-dr's warm standby region (fintech-ledger decides it) gets a root of its own in the home
 * cell's recovery region, whose databases replicate production's; every validator and rule holds for
 * it, and rule second-region-replicates-databases catches a root that drops a replica.
 */
class SecondRegionTest {
  private static final Path FINTECH = Path.of("samples/fintech-ledger.yaml");
  private static final String STANDBY = "infra/envs/prod-warm-standby/main.tf";
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final SecondRegionReplicatesDatabases RULE = new SecondRegionReplicatesDatabases();

  private static List<Artifact> render(Plan plan) {
    return PIPELINE.render(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  @ParameterizedTest
  @CsvSource({"aws, kubernetes, us-east-2, source_arn", "aws, managed-containers, us-east-2, source_arn",
      "azure, kubernetes, westus, source_server_id", "azure, vm, westus, source_server_id",
      "gcp, kubernetes, us-west1, master_instance_name", "gcp, managed-containers, us-west1, master_instance_name",
      "gcp, vm, us-west1, master_instance_name", "gcp, serverless, us-west1, master_instance_name"})
  void theStandbyRootReplicatesEveryProductionDatabaseAndPassesEveryCheck(String cloud, String deployment,
      String region, String argument, @TempDir Path dir) throws Exception {
    Plan plan = SamplePlans.deployedOn(FINTECH, cloud, deployment);
    assertThat(plan.cells().cells().get(0).recovery()).contains(region);
    List<Artifact> all = render(plan);
    String standby = file(all, STANDBY);
    assertThat(standby).contains("default = \"" + region + "\"")
        .containsPattern("source +=  ?\"\\.\\./\\.\\./modules/database-replica\"")
        .containsPattern(argument + " +=  ?var\\.primary_databases\\[\"ledger-db\"]");
    if (cloud.equals("aws")) {
      // the replicas live in production's account (RDS replicates in one account), whose IAM names are taken:
      // the standby's roles end in its root's name (CloudNames.roleSuffix), as every root's but prod's do
      assertThat(standby).containsPattern("name_suffix += \"-prod-warm-standby\"");
      assertThat(file(all, "infra/envs/prod/main.tf")).doesNotContain("name_suffix");
      // the secret store's role exists on Kubernetes alone (nothing else reads the store with it)
      if (deployment.equals("kubernetes")) {
        assertThat(file(all, "infra/modules/identity/main.tf")).contains("${var.project}-secrets${var.name_suffix}");
      }
    }
    assertThat(file(all, "infra/envs/prod/main.tf")).contains("output \"database_" + switch (cloud) {
      case "aws" -> "arns";
      case "gcp" -> "names";
      default -> "ids";
    } + "\"");
    assertThat(all).extracting(Artifact::path).contains("infra/modules/database-replica/main.tf");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("## Fail over to the second region")
        .contains("`infra/envs/prod-warm-standby`").contains("paystream-prod-warm-standby-ledger-db");
    assertThat(file(all, "infra/README.md")).doesNotContain("is not written yet");
    List<Finding> findings = PIPELINE.validate(all);
    assertThat(findings).isEmpty();
    assertThat(RULE.notApplicable(all)).isEmpty();
    List<Path> files = new ArrayList<>();
    for (Artifact a : all.stream().filter(a -> a.path().endsWith(".tf")).toList()) {
      Path f = dir.resolve(a.path());
      Files.createDirectories(f.getParent());
      Files.writeString(f, a.content());
      files.add(f);
    }
    assertThat(Hcl2Json.parse(files).failed()).isEmpty();
  }

  @Test
  void aStandbyRootWithoutAReplicaOfAProductionDatabaseFails() {
    List<Artifact> all = render(SamplePlans.plan(FINTECH));
    assertThat(RULE.validate(all)).isEmpty();
    List<Artifact> dropped = all.stream().map(a -> a.path().equals(STANDBY) ? new Artifact(a.path(),
        a.content().replaceAll("(?m)^module \"database_ledger\" \\{\\n(?:.*\\n)*?}\\n", ""), a.kind()) : a).toList();
    assertThat(dropped).isNotEqualTo(all);
    assertThat(RULE.validate(dropped)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("infra/envs/prod/main.tf");
      assertThat(f.message()).startsWith("the database paystream-prod-ledger-db has no replica in " + STANDBY);
      assertThat(f.validator()).isEqualTo("second-region-replicates-databases");
    });
    List<Artifact> elsewhere = all.stream().map(a -> a.path().equals(STANDBY) ? new Artifact(a.path(),
        a.content().replace("modules/database-replica", "modules/database"), a.kind()) : a).toList();
    assertThat(RULE.validate(elsewhere)).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource({"aws, us-west-2", "azure, westus2"})
  void activeActiveGetsTheSecondServingRegionAtFullSize(String cloud, String region) throws Exception {
    // without the sample's own choice, its two regions make backup-dr active-active
    String text = Files.readString(FINTECH).replace("cloud: aws", "cloud: " + cloud)
        .replaceFirst("(?m)^  backup-dr: warm-standby-region\n", "");
    Plan plan = SamplePlans.plan(new dev.archforge.load.RequirementsLoader().load("f.yaml", text).requirements()
        .orElseThrow());
    assertThat(plan.decision("backup-dr").orElseThrow().choice()).isEqualTo("active-active");
    List<Artifact> all = render(plan);
    String second = file(all, "infra/envs/prod-second-region/main.tf");
    String prod = file(all, "infra/envs/prod/main.tf");
    assertThat(second).contains("default = \"" + region + "\"").contains("serving beside");
    assertThat(all).extracting(Artifact::path).doesNotContain(STANDBY);
    // full size: the runtime's bounds are production's
    String runtime = "(?s).*(module \"runtime\" \\{.*?\n}).*";
    assertThat(second.replaceAll(runtime, "$1").replace("prod-second-region", "prod"))
        .isEqualTo(prod.replaceAll(runtime, "$1"));
    assertThat(file(all, "infra/README.md")).doesNotContain("scale.regions is 2");
    assertThat(PIPELINE.validate(all)).isEmpty();
  }

  @Test
  void onGcpTheStandbyLivesInProductionsProjectAndNetworkWithAKeyOfItsRegion() {
    List<Artifact> all = render(SamplePlans.deployedOn(FINTECH, "gcp", "kubernetes"));
    String standby = file(all, STANDBY);
    String prod = file(all, "infra/envs/prod/main.tf");
    // the replica is encrypted with the standby root's own key, created in its region
    assertThat(standby).contains("default = \"us-west1\"")
        .containsPattern("module \"database_ledger\" \\{[^}]*kms_key_id += module\\.kms\\.key_id")
        .containsPattern("module \"database_ledger\" \\{[^}]*network_id += var\\.network_id")
        .contains("source     = \"../../modules/network-region\"").contains("cidr       = \"10.40.0.0/16\"")
        .contains("global_resources = \"prod\"").contains("pool_id             = \"paystream-prod-warm-standby-${var.ci_pool_suffix}\"")
        .doesNotContain("module \"identity\"").doesNotContain("module \"secrets\"").doesNotContain("module \"dns\"");
    assertThat(prod).contains("cidr   = \"10.30.0.0/16\"").contains("output \"network_id\"")
        .contains("replica_region     = \"us-west1\"").contains("replica_kms_key_id = module.kms_second_region.key_id");
    assertThat(file(all, "infra/modules/database-replica/main.tf"))
        .contains("master_instance_name = var.promoted ? null : var.master_instance_name")
        .contains("encryption_key_name  = var.kms_key_id");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("gcloud dns record-sets update NAME.internal.example.")
        .contains("output -json records");
    assertThat(file(all, "infra/README.md")).contains("database_names").doesNotContain("is not written on gcp");
    assertThat(PIPELINE.validate(all)).isEmpty();
    // without the local that leaves the zone and secret entries to production's root, the standby's names fail
    List<Artifact> own = all.stream().map(a -> a.path().equals(STANDBY) ? new Artifact(a.path(),
        a.content().replace("global_resources = \"prod\"", "global_resources_gone = \"prod\""), a.kind()) : a).toList();
    assertThat(new EndpointsHaveInfrastructure().validate(own)).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message()).contains(STANDBY));
    // and the rule catches a dropped replica on gcp as elsewhere
    List<Artifact> dropped = all.stream().map(a -> a.path().equals(STANDBY) ? new Artifact(a.path(),
        a.content().replaceAll("(?m)^module \"database_ledger\" \\{\\n(?:.*\\n)*?}\\n", ""), a.kind()) : a).toList();
    assertThat(RULE.validate(dropped)).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("the database paystream-prod-ledger-db has no replica"));
  }

  @Test
  void withoutASecondRegionTheRuleSaysItHasNothingToCheck() {
    List<Artifact> all = render(SamplePlans.deployedOn(FINTECH, "gcp", "kubernetes"));
    List<Artifact> none = all.stream().filter(a -> !a.path().startsWith("infra/envs/prod-")).toList();
    assertThat(RULE.validate(none)).isEmpty();
    assertThat(RULE.notApplicable(none)).hasValueSatisfying(r -> assertThat(r).contains(STANDBY));
  }

  @Test
  void underDataResidencyEveryFileThatMentionsTheSecondRegionSaysTheCellsHaveNone() throws Exception {
    String text = Files.readString(Path.of("samples/clinic-residency.yaml")) + "\ndecisions:\n  backup-dr: warm-standby-region\n";
    Plan plan = SamplePlans.plan(new dev.archforge.load.RequirementsLoader().load("c.yaml", text).requirements()
        .orElseThrow());
    assertThat(plan.decision("backup-dr").orElseThrow().choice()).isEqualTo("warm-standby-region");
    List<Artifact> all = render(plan);
    String fact = dev.archforge.facts.deploy.SecondRegion.notForCells(plan).orElseThrow();
    assertThat(all).extracting(Artifact::path).noneMatch(p -> p.contains("prod-warm-standby"));
    assertThat(file(all, "infra/README.md")).contains(fact);
    assertThat(file(all, "observability/RUNBOOK.md")).contains(fact).doesNotContain("## Fail over to the second region");
    // the estimate prices no standby region that infra/ does not write, in any cell
    assertThat(file(all, "CAPACITY.md")).doesNotContain("| Warm standby region |")
        .doesNotContain("Standby region's cache, broker and network");
    assertThat(plan.cost().items()).noneMatch(i -> i.component().contains("tandby region"));
  }

  @ParameterizedTest
  @CsvSource({"kubernetes, apply the prod-warm-standby overlay", "managed-containers, replace each Cloud Run service"})
  void onGcpTheDeployWorkflowDeploysEachReleaseIntoTheSecondRegionAfterProduction(String deployment, String step) {
    List<Artifact> all = render(SamplePlans.deployedOn(FINTECH, "gcp", deployment));
    String deploy = file(all, ".github/workflows/deploy.yaml");
    String job = deploy.substring(deploy.indexOf("  prod-warm-standby:"));
    assertThat(job).contains("needs: [prod]").contains("environment: \"prod-warm-standby\"")
        .contains("REGION: \"us-west1\"").contains(step)
        .contains("REGISTRY: \"us-west1-docker.pkg.dev/PROJECT_ID/paystream\"");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("the deploy workflow's job `prod-warm-standby`");
    assertThat(file(all, "infra/README.md")).contains("the deploy workflow's job prod-warm-standby deploys each release");
    assertThat(PIPELINE.validate(all)).isEmpty();
    if (deployment.equals("managed-containers")) {
      // the job applies the standby's own descriptors, whose callees' URLs are in its region
      assertThat(job).contains("DESCRIPTORS_REGION: \"us-west1\"").contains("DESCRIPTORS: \"deploy/cloudrun/prod-warm-standby\"");
      List<Artifact> own = all.stream().map(a -> a.path().equals(".github/workflows/deploy.yaml") ? new Artifact(
          a.path(), deploy.replace(job, job.replaceFirst("DESCRIPTORS_REGION: \"us-west1\"",
              "DESCRIPTORS_REGION: \"us-central1\"")), a.kind()) : a).toList();
      assertThat(new DescriptorsMatchInfrastructure().validate(own)).isNotEmpty()
          .allSatisfy(f -> assertThat(f.message()).contains("as the prod-warm-standby deploy applies it")
              .contains("PROJECT_NUMBER"));
      // its services run as production's accounts, which the standby's root leaves to production's
      List<Artifact> accounts = all.stream().map(a -> a.path().equals(STANDBY) ? new Artifact(a.path(),
          a.content().replace("global_resources = \"prod\"", "global_resources_gone = \"prod\""), a.kind()) : a)
          .toList();
      assertThat(new DescriptorsMatchInfrastructure().validate(accounts))
          .anySatisfy(f -> assertThat(f.message()).contains("names the service account paystream-ledger, which"
              + " infra/envs/prod-warm-standby/main.tf does not create"));
    }
  }

  @Test
  void onGcpVirtualMachinesNoJobDeploysIntoTheSecondRegion() {
    // the job takes the newest base instance template by name, in the project both regions share
    List<Artifact> all = render(SamplePlans.deployedOn(FINTECH, "gcp", "vm"));
    assertThat(file(all, ".github/workflows/deploy.yaml")).doesNotContain("prod-warm-standby:");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("so run its production job with this root's names");
  }
}
