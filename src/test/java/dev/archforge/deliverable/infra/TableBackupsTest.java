package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.edited;
import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB tables of db/ get the backups the backup-dr record promises: point-in-time recovery
 * (dynamodb.json's continuousBackups), a daily AWS Backup in every root of aws (infra/modules/backup)
 * and, in production, its copy in the cell's recovery region. Rule backups-reach-recovery-region
 * catches a table left out, a copy dropped or sent to another region, and recovery turned off.
 */
class TableBackupsTest {
  private static final BackupsReachRecoveryRegion RULE = new BackupsReachRecoveryRegion();
  private static final String EU_ROOT = "infra/envs/prod-eu/main.tf";

  private static final Map<String, String> DYNAMODB = Map.of("database", "dynamodb");

  @Test
  void onAwsEveryCellBacksUpItsTablesAndCopiesThemToItsRecoveryRegion() {
    List<Artifact> all = render("clinic-residency.yaml", "aws", DYNAMODB);
    assertThat(file(all, "db/patients/dynamodb.json")).contains("\"continuousBackups\": {\n    \"TableName\":"
        + " \"clinic-patients\",\n    \"PointInTimeRecoverySpecification\": {\"PointInTimeRecoveryEnabled\": true,"
        + " \"RecoveryPeriodInDays\": 35}");
    assertThat(file(all, EU_ROOT)).contains("  tables         = [\"clinic-patients\", \"clinic-appointments\"]\n"
        + "  retention_days = 7\n  copy_region    = \"eu-central-1\"\n");
    assertThat(file(all, "infra/envs/prod-us/main.tf")).contains("copy_region    = \"us-west-2\"");
    assertThat(file(all, "infra/envs/staging/main.tf")).contains("module \"backup\"").doesNotContain("copy_region");
    assertThat(file(all, "infra/modules/backup/main.tf")).contains("dynamic \"copy_action\"")
        .contains("resource \"aws_backup_selection\" \"tables\"");
    assertThat(file(all, "infra/README.md")).contains("| `envs/prod-eu` | eu | eu-west-1 | eu-central-1 |");
    assertThat(all.stream().filter(a -> a.path().endsWith("-backup-dr.md")).findFirst().orElseThrow().content())
        .contains("The eu cell's database backups go to eu-central-1, a region of eu (a daily AWS Backup of each"
            + " DynamoDB table, copied into a vault of that region under a key of that region;");
    assertThat(file(all, "observability/RUNBOOK.md")).contains("Restore the DynamoDB table `clinic-patients` from its"
        + " last daily backup copied to eu-central-1").contains("--backup-vault-name clinic-prod-eu-copy")
        .contains("Do not restore the cache");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.notApplicable(all)).isEmpty();
  }

  @Test
  void aTableLeftOutACopyDroppedOrSentElsewhereFails() {
    List<Artifact> all = render("clinic-residency.yaml", "aws", DYNAMODB);
    assertThat(RULE.validate(edited(all, EU_ROOT, ", \"clinic-appointments\"]", "]"))).singleElement()
        .satisfies(f -> {
          assertThat(f.path()).isEqualTo(EU_ROOT);
          assertThat(f.message()).startsWith("the DynamoDB table clinic-appointments (db/appointments/dynamodb.json)"
              + " is not among the tables module \"backup\" backs up, but CAPACITY.md:");
        });
    assertThat(RULE.validate(edited(all, EU_ROOT, "(?m)^  copy_region +=.*\n", ""))).singleElement()
        .extracting(Finding::message).asString().startsWith("the DynamoDB backups are copied nowhere (module"
            + " \"backup\", copy_region), but CAPACITY.md:")
        .contains("gives the eu cell the recovery region eu-central-1");
    // us-east-1 is the us cell's region: a copy of EU data there leaves the jurisdiction
    assertThat(RULE.validate(edited(all, EU_ROOT, "copy_region    = \"eu-central-1\"",
        "copy_region    = \"us-east-1\"")))
        .singleElement().extracting(Finding::message).asString()
        .startsWith("the DynamoDB backups are copied to us-east-1 (module \"backup\", copy_region), but");
    assertThat(RULE.validate(edited(all, EU_ROOT, "(?s)\n# the DynamoDB tables of db.*?\n}\n", "\n"))).singleElement()
        .extracting(Finding::message).asString().startsWith("backs up none of the DynamoDB tables [clinic-patients,"
            + " clinic-appointments] (no module \"backup\"), but");
    List<Finding> noCopy = RULE.validate(edited(all, TableBackups.MODULE_PATH,
        "(?s)    dynamic \"copy_action\".*?\n    }\n", ""));
    assertThat(noCopy).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("infra/modules/backup/main.tf");
      assertThat(f.message()).startsWith("has no copy_action in its backup plan's rule");
    });
    List<Finding> noPitr = RULE.validate(edited(all, "db/patients/dynamodb.json",
        "(?s),\n  \"continuousBackups\".*?\n  }", ""));
    assertThat(noPitr).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("db/patients/dynamodb.json");
      assertThat(f.message()).isEqualTo("the table clinic-patients keeps no point-in-time recovery (continuousBackups),"
          + " but decisions/0016-backup-dr.md (cell-local-recovery) keeps point-in-time recovery");
    });
  }

  @Test
  void nightlySnapshotsKeepADailyBackupWithoutRecoveryOrCopy() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("database", "dynamodb", "backup-dr", "daily-backups"));
    assertThat(all.stream().filter(a -> a.path().endsWith("/dynamodb.json")).toList()).isNotEmpty()
        .allSatisfy(a -> assertThat(a.content()).doesNotContain("continuousBackups"));
    assertThat(file(all, "infra/envs/prod/main.tf")).contains("retention_days = 30\n").doesNotContain("copy_region");
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(RULE.validate(edited(all, "infra/envs/prod/main.tf", "(?m)^(  retention_days = 30\n)",
        "$1  copy_region    = \"us-west-2\"\n"))).singleElement().extracting(Finding::message).asString()
        .endsWith("keeps nightly snapshots (daily-backups), copied to no other region");
  }

  @Test
  void offAwsTheTablesAreNotCreatedSoNeitherAreTheirBackupsAndANoteSaysSo() {
    for (String cloud : List.of("gcp", "azure")) {
      List<Artifact> all = render("ecommerce.yaml", cloud, DYNAMODB);
      assertThat(all).extracting(Artifact::path).doesNotContain(TableBackups.MODULE_PATH);
      assertThat(RULE.validate(all)).as(cloud).isEmpty();
      assertThat(file(all, "infra/README.md")).contains("infra/ backs up no shop-db, which it does not create");
      assertThat(all.stream().filter(a -> a.path().endsWith("-backup-dr.md")).findFirst().orElseThrow().content())
          .contains("(infra/ does not create the dynamodb store on " + cloud + ": whoever runs it copies its backups"
              + " there)");
    }
  }

  @Test
  void capacityPricesTheRecoveryWindowTheTablesKeep() {
    java.util.regex.Pattern window = java.util.regex.Pattern.compile("\"RecoveryPeriodInDays\": (\\d+)");
    for (var c : List.of(Map.entry("pii-protection", "14"), Map.entry("regulated", "35"))) {
      List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("database", "dynamodb", "data-protection", c.getKey()));
      String table = all.stream().filter(a -> a.path().endsWith("/dynamodb.json")).findFirst().orElseThrow().content();
      java.util.regex.Matcher days = window.matcher(table);
      assertThat(days.find()).as(c.getKey()).isTrue();
      assertThat(days.group(1)).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(file(all, "CAPACITY.md")).as(c.getKey()).containsPattern("\\| DynamoDB point-in-time recovery \\|[^|\n]*"
          + "continuous backups for " + days.group(1) + " days \\(RecoveryPeriodInDays\\) \\|");
    }
  }

  @Test
  void theCacheKeepsNoSnapshots() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("caching", "redis"));
    assertThat(file(all, "infra/modules/cache/main.tf")).contains("snapshot_retention_limit   = 0\n");
    assertThat(file(all, "infra/README.md")).contains("no snapshots or persistence, since it holds copies only");
  }
}
