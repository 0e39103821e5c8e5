package dev.archforge.deliverable.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.DataResidencyTest;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Cell;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Under {@code dataResidency} nothing of a jurisdiction's data leaves its cell in any generated file,
 * and the coherence rule {@code data-stays-in-cell} catches a file that says otherwise.
 */
class DataStaysInCellTest {
  private static final Path CLINIC = Path.of("samples/clinic-residency.yaml");
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  /** AWS and Google Cloud region names, and the Azure names of the blueprint's table. */
  private static final Pattern ANY_REGION = Pattern.compile("\\b(?:[a-z]{2}-[a-z]+-\\d|[a-z]{2,}-[a-z]{2,}\\d|eastus2?"
      + "|westus[23]?|centralus|westeurope|northeurope|francecentral|uksouth|ukwest|canadacentral|canadaeast"
      + "|australiaeast|australiasoutheast|japaneast|japanwest|centralindia|southindia|switzerlandnorth"
      + "|switzerlandwest)\\b");
  private static final String EU_OVERLAY = "deploy/k8s/overlays/prod-eu/cell.yaml";
  private static final String EU_ROOT = "infra/envs/prod-eu/main.tf";

  private static List<Artifact> render(Plan plan) {
    return Pipeline.standard().render(Facts.of(plan), RENDERER);
  }

  private static List<Artifact> replaced(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  @ParameterizedTest
  @CsvSource({"aws, kubernetes", "aws, managed-containers", "gcp, managed-containers", "azure, managed-containers",
      "aws, serverless", "gcp, serverless", "azure, serverless"})
  void noGeneratedFileNamesARegionOutsideItsCell(String cloud, String deployment) {
    Plan plan = SamplePlans.deployedOn(CLINIC, cloud, deployment);
    assertThat(plan.choice("deployment")).isEqualTo(deployment);
    List<Artifact> all = render(plan);
    List<String> everyCell = plan.cells().cells().stream().flatMap(c -> c.regions().stream()).toList();
    List<String> named = new ArrayList<>();
    for (Artifact a : all) {
      Cell own = plan.cells().cells().stream().filter(c -> a.path().matches(
          "(deploy/(k8s/overlays|[a-z]+)|infra/envs)/prod-" + c.jurisdiction() + "/.*")).findFirst().orElse(null);
      // CAPACITY.md quotes where the price table's prices were taken (prices.yaml's source): no data is there
      String text = (a.path().equals("CAPACITY.md") ? a.content().replaceAll("\\(Approximate public on-demand list"
          + " prices[^\n]*", "") : a.content()).replaceAll("db-custom-\\d+", ""); // a Cloud SQL tier, no region
      Matcher m = ANY_REGION.matcher(text);
      while (m.find()) {
        named.add(m.group());
        assertThat(own == null ? everyCell : own.regions()).as(a.path() + " names " + m.group()).contains(m.group());
      }
    }
    List<String> everyRegion = plan.cells().cells().stream().flatMap(c -> c.regions().stream()).toList();
    assertThat(Set.copyOf(named)).containsExactlyInAnyOrderElementsOf(Set.copyOf(everyRegion));
    String cellFolder = switch (deployment) {
      case "kubernetes" -> "deploy/k8s/overlays/";
      case "serverless" -> cloud.equals("aws") ? "deploy/sam/" : cloud.equals("gcp") ? "deploy/cloudrun/"
          : "deploy/containerapps/";
      default -> cloud.equals("aws") ? "deploy/ecs/" : cloud.equals("gcp") ? "deploy/cloudrun/" : "deploy/containerapps/";
    };
    for (Cell cell : plan.cells().cells()) {
      List<Artifact> own = all.stream().filter(a -> a.path().startsWith(cellFolder + "prod-" + cell.jurisdiction()
          + "/")).toList();
      assertThat(own).as(cell.jurisdiction()).isNotEmpty()
          .allSatisfy(a -> assertThat(a.content()).contains(cell.primary().orElseThrow()));
    }
    assertThat(new DataStaysInCell().validate(all)).isEmpty();
  }

  @Test
  void aCellsRootModuleInAnotherJurisdictionsRegionFails() {
    List<Artifact> all = render(SamplePlans.plan(CLINIC));
    assertThat(all.stream().filter(a -> a.path().equals(EU_ROOT)).findFirst().orElseThrow().content())
        .contains("  default = \"eu-west-1\"\n");
    List<Artifact> moved = replaced(all, EU_ROOT, "default = \"eu-west-1\"", "default = \"us-east-1\"");
    assertThat(new DataStaysInCell().validate(moved)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(EU_ROOT);
      assertThat(f.message()).isEqualTo("places the eu cell's data in us-east-1, outside the cell: CAPACITY.md gives"
          + " it eu-west-1, eu-central-1");
    });
  }

  @Test
  void anEcsTaskOfACellLoggingToAnotherJurisdictionIsCaught() {
    Plan plan = SamplePlans.deployedOn(CLINIC, "aws", "managed-containers");
    String task = "deploy/ecs/prod-eu/clinic.task-definition.json";
    List<Artifact> all = replaced(render(plan), task, "\"awslogs-region\": \"eu-west-1\"",
        "\"awslogs-region\": \"us-east-1\"");
    // the service's container and its telemetry collector sidecar both log there
    assertThat(new DataStaysInCell().validate(all)).hasSize(2).allSatisfy(f -> {
      assertThat(f.path()).isEqualTo(task);
      assertThat(f.message()).isEqualTo("places the eu cell's data in us-east-1, outside the cell: CAPACITY.md gives"
          + " it eu-west-1, eu-central-1");
    });
  }

  @Test
  void theAwsBrokerServersOfferEachCellsRegionAndNoOther() throws IOException {
    Plan plan = SamplePlans.plan(DataResidencyTest.requirements(Files.readString(CLINIC)
        + "\ndecisions:\n  architecture-style: microservices\n  messaging: cloud-pubsub\n"));
    List<Artifact> all = render(plan);
    String asyncapi = all.stream().filter(a -> a.path().equals("api/asyncapi.yaml")).findFirst().orElseThrow().content();
    assertThat(asyncapi).contains("        default: \"eu-west-1\"\n        enum:\n          - \"eu-west-1\"\n"
        + "          - \"us-east-1\"\n");
    assertThat(new DataStaysInCell().validate(all)).isEmpty();
  }

  @Test
  void aCellsBackupInAnotherJurisdictionFailsNamingBothFiles() {
    List<Artifact> all = replaced(render(SamplePlans.onKubernetes(CLINIC)), EU_OVERLAY, "BACKUP_REGION: \"eu-central-1\"",
        "BACKUP_REGION: \"us-west-2\"");
    assertThat(new DataStaysInCell().validate(all)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(EU_OVERLAY);
      assertThat(f.message()).isEqualTo("copies the eu cell's backups to us-west-2, a region of the us cell:"
          + " CAPACITY.md gives the eu cell eu-west-1, eu-central-1 (its recovery region last)");
      assertThat(f.validator()).isEqualTo("data-stays-in-cell");
    });
  }

  @ParameterizedTest
  @CsvSource({"aws, eu-central-1, us-west-2", "gcp, europe-west4, us-east1", "azure, northeurope, westus"})
  void aRootCopyingACellsBackupsToAnotherJurisdictionFails(String cloud, String recovery, String elsewhere) {
    List<Artifact> all = render(SamplePlans.deployedOn(CLINIC, cloud, "managed-containers"));
    assertThat(new DataStaysInCell().validate(all)).isEmpty();
    List<Artifact> moved = all.stream().map(a -> a.path().equals(EU_ROOT) ? new Artifact(a.path(), a.content()
        .replaceAll("(backup_region +=) \"" + recovery + "\"", "$1 \"" + elsewhere + "\""), a.kind()) : a).toList();
    assertThat(moved).isNotEqualTo(all);
    assertThat(new DataStaysInCell().validate(moved)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(EU_ROOT);
      assertThat(f.message()).startsWith("copies the eu cell's backups to " + elsewhere + ", a region of the us cell:");
    });
  }

  @Test
  void aDecisionRecordKeptFromARunOnAnotherCloudPlacesNoData() {
    List<Artifact> onGcp = render(SamplePlans.deployedOn(CLINIC, "gcp", "managed-containers"));
    Artifact issuedOnAws = render(SamplePlans.plan(CLINIC)).stream().filter(a -> a.path().endsWith("-backup-dr.md"))
        .findFirst().orElseThrow();
    assertThat(issuedOnAws.content()).contains("eu-central-1");
    List<Artifact> kept = onGcp.stream().map(a -> a.path().equals(issuedOnAws.path()) ? issuedOnAws : a).toList();
    assertThat(new DataStaysInCell().validate(kept)).isEmpty();
  }

  @Test
  void aRegionOfNoCellAnywhereIsCaughtAndSoIsAnUnknownCell() {
    List<Artifact> all = render(SamplePlans.onKubernetes(CLINIC));
    String store = "deploy/k8s/base/secretstore.yaml";
    List<Finding> elsewhere = new DataStaysInCell().validate(replaced(all, store, "\"eu-west-1\"", "\"ap-south-1\""));
    assertThat(elsewhere).singleElement().hasToString(store + ":19: names region ap-south-1, which is in no cell of"
        + " CAPACITY.md (eu: eu-west-1, eu-central-1; us: us-east-1, us-west-2) [data-stays-in-cell]");
    List<Finding> unknown = new DataStaysInCell().validate(replaced(all, EU_OVERLAY, "CELL: \"eu\"", "CELL: \"uk\""));
    assertThat(unknown).extracting(Finding::message).first().asString()
        .isEqualTo("names cell 'uk', which CAPACITY.md does not list (cells: eu, us)");
  }

  @Test
  void withoutDataResidencyThereAreNoCellOverlaysAndNothingToHold() throws IOException {
    Plan plan = SamplePlans.plan(DataResidencyTest.requirements(
        Files.readString(CLINIC).replace("dataResidency: [eu, us]", "")));
    List<Artifact> all = render(plan);
    assertThat(all).extracting(Artifact::path).noneMatch(p -> p.startsWith("deploy/k8s/overlays/prod-"));
    assertThat(new DataStaysInCell().validate(all)).isEmpty();
    // one home cell holds no jurisdiction apart: a root in another region is no finding of this rule
    String root = all.stream().filter(a -> a.path().equals("infra/envs/prod/main.tf")).findFirst().orElseThrow()
        .content();
    Matcher region = ANY_REGION.matcher(root);
    assertThat(region.find()).isTrue();
    List<Artifact> moved = replaced(all, "infra/envs/prod/main.tf", "\"" + region.group() + "\"", "\"ap-south-1\"");
    assertThat(new DataStaysInCell().validate(moved)).isEmpty();
    assertThat(new DataStaysInCell().notApplicable(moved)).hasValueSatisfying(r -> assertThat(r).contains("dataResidency"));
  }

  @Test
  void underDataResidencyTheRuleApplies() {
    List<Artifact> all = render(SamplePlans.plan(CLINIC));
    assertThat(new DataStaysInCell().notApplicable(all)).isEmpty();
    assertThat(new DataStaysInCell().validate(replaced(all, EU_ROOT, "\"eu-", "\"ap-"))).isNotEmpty();
  }
}
