package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backup-dr record promises each cell's backups a copy in its recovery region, and infra/'s
 * production roots keep it on every cloud: RDS automated backups replication, Cloud SQL's backup
 * location, Azure's geo-redundant backup to the primary's pair. Rule backups-reach-recovery-region
 * catches a root that copies nowhere or elsewhere.
 */
class BackupsReachRecoveryRegionTest {
  private static final Path CLINIC = Path.of("samples/clinic-residency.yaml");
  private static final Path ECOMMERCE = Path.of("samples/ecommerce.yaml");
  private static final String EU_ROOT = "infra/envs/prod-eu/main.tf";
  private static final BackupsReachRecoveryRegion RULE = new BackupsReachRecoveryRegion();

  private static List<Artifact> render(Plan plan) {
    return Pipeline.standard().render(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  static List<Artifact> edited(List<Artifact> all, String path, String regex, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replaceAll(regex, to), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  @ParameterizedTest
  @CsvSource({"aws, eu-central-1, us-west-2", "gcp, europe-west4, us-east1", "azure, northeurope, westus"})
  void eachCellCopiesItsBackupsToTheRecoveryRegionItsRecordNames(String cloud, String eu, String us) {
    Plan plan = SamplePlans.deployedOn(CLINIC, cloud, "managed-containers");
    assertThat(plan.cells().cell("eu").orElseThrow().recovery()).contains(eu);
    assertThat(plan.cells().cell("us").orElseThrow().recovery()).contains(us);
    List<Artifact> all = render(plan);
    String record = all.stream().filter(a -> a.path().endsWith("-backup-dr.md")).findFirst().orElseThrow().content();
    assertThat(record).contains("- `cells.recovery` = eu: " + eu + "; us: " + us + "\n")
        .contains("The eu cell's database backups go to " + eu + ", a region of eu (");
    assertThat(file(all, EU_ROOT)).containsPattern("backup_region +=  ?\"" + eu + "\"");
    assertThat(file(all, "infra/envs/prod-us/main.tf")).containsPattern("backup_region +=  ?\"" + us + "\"");
    assertThat(file(all, "infra/envs/staging/main.tf")).doesNotContain("backup_region");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("### eu: " + plan.cells().cell("eu").orElseThrow()
        .primary().orElseThrow() + " → " + eu + "\n");
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.notApplicable(all)).isEmpty();
    String module = switch (cloud) {
      case "aws" -> "resource \"aws_db_instance_automated_backups_replication\" \"recovery\"";
      case "gcp" -> "location                       = var.backup_region == \"\" ? null : var.backup_region";
      default -> "geo_redundant_backup_enabled  = var.backup_region != \"\"";
    };
    assertThat(file(all, "infra/modules/database/main.tf")).contains(module);
  }

  @Test
  void aRootThatDropsTheCopyTheRecordPromisesFails() {
    List<Artifact> all = render(SamplePlans.plan(CLINIC));
    List<Artifact> dropped = edited(all, EU_ROOT, "(?m)^ *backup_region += \"eu-central-1\"\n", "");
    List<Finding> findings = RULE.validate(dropped);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(EU_ROOT);
      assertThat(f.message()).isEqualTo("the database clinic copies its backups nowhere (backup_region), but"
          + " CAPACITY.md:17 gives the eu cell the recovery region eu-central-1 and decisions/0016-backup-dr.md"
          + " (cell-local-recovery) copies backups there");
      assertThat(f.validator()).isEqualTo("backups-reach-recovery-region");
    });
    List<Artifact> elsewhere = edited(all, EU_ROOT, "backup_region( +)= \"eu-central-1\"", "backup_region$1= \"eu-west-3\"");
    assertThat(RULE.validate(elsewhere)).singleElement().extracting(Finding::message).asString()
        .startsWith("the database clinic copies its backups to eu-west-3 (backup_region), but");
  }

  @Test
  void withoutResidencyTheProductionRootCopiesToTheHomeRecoveryRegion() {
    List<Artifact> all = render(SamplePlans.plan(ECOMMERCE));
    assertThat(file(all, "infra/envs/prod/main.tf")).contains("backup_region         = \"us-west-2\"");
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.validate(edited(all, "infra/envs/prod/main.tf", "(?m)^ *backup_region .*\n", ""))).isNotEmpty();
  }

  @Test
  void onAzureAPairOutsideTheJurisdictionLeavesTheBackupsInTheCellsRegion() throws Exception {
    var b = SamplePlans.blueprint();
    var table = new java.util.HashMap<>(b.regions().regions());
    table.put("eu", java.util.Map.of("aws", List.of("eu-central-1"), "gcp", List.of("europe-west3"), "azure",
        List.of("germanywestcentral", "francecentral")));
    var regions = new dev.archforge.model.RegionTable(b.regions().home(), table,
        java.util.Map.of("azure", java.util.Map.of("germanywestcentral", "germanynorth", "eastus", "westus")));
    var blueprint = new dev.archforge.model.Blueprint(b.name(), b.description(), b.deliverables(), b.defaults(),
        b.origin(), b.rules(), b.capacity(), b.prices(), b.ownership(), regions, b.review());
    String text = java.nio.file.Files.readString(CLINIC).replace("cloud: aws", "cloud: azure");
    Plan plan = new dev.archforge.decide.RuleDecider().decide(new dev.archforge.load.RequirementsLoader()
        .load("clinic.yaml", text).requirements().orElseThrow(), blueprint);
    List<Artifact> all = render(plan);
    assertThat(file(all, EU_ROOT)).doesNotContain("backup_region").doesNotContain("kms_backup");
    assertThat(file(all, "infra/envs/prod-us/main.tf")).contains("backup_region         = \"westus\"");
    assertThat(file(all, "infra/modules/database/main.tf"))
        .contains("geo_redundant_backup_enabled  = var.backup_region != \"\"");
    assertThat(all.stream().filter(a -> a.path().endsWith("-backup-dr.md")).findFirst().orElseThrow().content())
        .contains("- `cells.recovery` = eu: none; us: westus\n")
        .contains("The eu cell's database backups stay in germanywestcentral: eu has no other region for them on"
            + " azure (Azure copies geo-redundant backups only to the region's pair");
    assertThat(plan.openQuestions()).anyMatch(q -> q.startsWith("Where may the backups of eu be copied?"));
    assertThat(RULE.validate(all)).isEmpty();
    List<Artifact> copied = edited(all, EU_ROOT, "(?m)^(  backup_retention_days = \\d+\n)",
        "$1  backup_region         = \"francecentral\"\n");
    assertThat(RULE.validate(copied)).singleElement().extracting(Finding::message).asString()
        .contains("copies its backups to francecentral (backup_region), but CAPACITY.md:17 gives the eu cell no"
            + " recovery region");
  }

  @Test
  void onCloudAnyThePromiseHasNoRootToKeepItAndTheRuleSaysSo() {
    List<Artifact> all = render(SamplePlans.plan(Path.of("samples/library.yaml")));
    assertThat(all).extracting(Artifact::path).noneMatch(p -> p.startsWith("infra/envs/"));
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.notApplicable(all)).contains("the backup-dr record copies backups to a recovery region, but"
        + " infra/ writes no production root module");
  }

  @Test
  void nightlySnapshotsPromiseNoCopyAndNoneIsMade() throws Exception {
    String text = java.nio.file.Files.readString(ECOMMERCE).replaceFirst("(?m)^decisions:.*\n",
        "decisions:\n  backup-dr: daily-backups\n");
    Plan plan = SamplePlans.plan(new dev.archforge.load.RequirementsLoader().load("e.yaml", text).requirements()
        .orElseThrow());
    List<Artifact> all = render(plan);
    assertThat(file(all, "infra/envs/prod/main.tf")).doesNotContain("backup_region");
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.notApplicable(all)).isEqualTo(Optional.empty());
    List<Artifact> copied = edited(all, "infra/envs/prod/main.tf", "(?m)^(  backup_retention_days = \\d+\n)",
        "$1  backup_region         = \"us-west-2\"\n");
    assertThat(RULE.validate(copied)).first().extracting(Finding::message).asString().endsWith("but"
        + " decisions/0016-backup-dr.md keeps nightly snapshots (daily-backups), copied to no other region");
  }

  @Test
  void aRecordKeptFromAnEarlierRunOnAnotherCloudDoesNotDecideTheRegion() {
    // the cloud changed, the choice did not: the record issued on aws is kept as it was, naming aws regions
    List<Artifact> onAws = render(SamplePlans.plan(ECOMMERCE));
    List<Artifact> onGcp = render(SamplePlans.deployedOn(ECOMMERCE, "gcp", "kubernetes"));
    Artifact kept = onAws.stream().filter(a -> a.path().endsWith("-backup-dr.md")).findFirst().orElseThrow();
    List<Artifact> mixed = onGcp.stream().map(a -> a.path().equals(kept.path()) ? kept : a).toList();
    assertThat(kept.content()).contains("us-west-2");
    assertThat(RULE.validate(mixed)).isEmpty();
  }
}
