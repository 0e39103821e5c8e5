package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Cells;
import dev.archforge.model.Cloud;
import dev.archforge.model.RegionTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A blueprint's {@code regions:} table: the standard one is complete, a child replaces jurisdictions, mistakes are located. */
class RegionReaderTest {
  private static final RegionTable STANDARD = new BlueprintLoader(dev.archforge.pipeline.Pipeline.deliverableIds()).load("standard", Path.of("."))
      .blueprint().orElseThrow().regions();

  private record Read(RegionTable table, List<String> messages) {}

  private static Read read(String yaml, RegionTable parent) {
    Diagnostics d = new Diagnostics("blueprint.yaml");
    YamlMap root = SafeYaml.parse(yaml, d).flatMap(node -> YamlMap.open(node, "", d)).orElseThrow();
    RegionTable table = RegionReader.read(root, parent, d);
    return new Read(table, d.sorted().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void theStandardTableNamesEveryJurisdictionOnEveryCloud() {
    assertThat(STANDARD.home()).isEqualTo("us");
    assertThat(STANDARD.of("eu", Cloud.AWS)).containsExactly("eu-west-1", "eu-central-1", "eu-west-3");
    assertThat(STANDARD.of("eu", Cloud.GCP)).startsWith("europe-west1");
    assertThat(STANDARD.of("us", Cloud.ANY)).isEqualTo(STANDARD.of("us", Cloud.AWS));
    assertThat(STANDARD.regions()).hasSize(8).allSatisfy((j, clouds) ->
        assertThat(clouds.keySet()).as(j).containsExactlyInAnyOrder("aws", "gcp", "azure"));
  }

  @Test
  void aChildReplacesAJurisdictionAndKeepsTheOthers() {
    Read read = read("""
        regions:
          home: eu
          jurisdictions:
            eu: { aws: [eu-central-1], gcp: [europe-west3], azure: [germanywestcentral] }
        """, STANDARD);
    assertThat(read.messages()).isEmpty();
    assertThat(read.table().home()).isEqualTo("eu");
    assertThat(read.table().of("eu", Cloud.AWS)).containsExactly("eu-central-1");
    assertThat(read.table().of("us", Cloud.AWS)).isEqualTo(STANDARD.of("us", Cloud.AWS));
  }

  @Test
  void mistakesAreReportedWhereTheyAreWritten() {
    Read read = read("""
        regions:
          home: europe
          jurisdictions:
            eu: { aws: [EU West 1], gpc: [europe-west1] }
            mars: { aws: [olympus-1] }
        """, STANDARD);
    assertThat(read.messages()).containsExactly("blueprint.yaml:1:1: 'regions' must name 'home' and list the regions"
        + " of aws, gcp and azure for every jurisdiction; missing: eu",
        "blueprint.yaml:2:9: 'regions.home' must be one of eu, us, uk, ca, au, jp, in, ch",
        "blueprint.yaml:4:17: 'EU West 1' is not a region name (lower-case letters, digits and '-')",
        "blueprint.yaml:4:29: unknown key 'gpc' in 'regions.jurisdictions.eu' — did you mean 'gcp'?",
        "blueprint.yaml:5:5: unknown key 'mars' in 'regions.jurisdictions'");
    assertThat(read.table().regions()).doesNotContainKey("mars");
  }

  @Test
  void azureCopiesBackupsToTheRegionsPairSoACellRecoversThereOrNowhere() throws Exception {
    assertThat(STANDARD.pair(Cloud.AZURE, "eastus")).contains("westus");
    assertThat(STANDARD.fixesBackupRegion(Cloud.AZURE)).isTrue();
    assertThat(STANDARD.fixesBackupRegion(Cloud.AWS)).isFalse();
    String clinic = java.nio.file.Files.readString(Path.of("samples/clinic-residency.yaml"))
        .replace("cloud: aws", "cloud: azure");
    var requirements = new RequirementsLoader().load("clinic.yaml", clinic).requirements().orElseThrow();
    // the standard table: eastus's pair westus is listed for us (last), so the us cell recovers there
    assertThat(Cells.of(requirements, STANDARD).cell("us").orElseThrow().recovery()).contains("westus");
    assertThat(Cells.of(requirements, STANDARD).cell("eu").orElseThrow().recovery()).contains("northeurope");
    // a team's table whose eu primary is paired outside the jurisdiction's list: no copy can stay in eu
    Read read = read("""
        regions:
          jurisdictions:
            eu: { aws: [eu-central-1], gcp: [europe-west3], azure: [germanywestcentral, francecentral] }
          pairs:
            azure: { germanywestcentral: germanynorth }
        """, STANDARD);
    assertThat(read.messages()).isEmpty();
    assertThat(read.table().pair(Cloud.AZURE, "germanywestcentral")).contains("germanynorth");
    assertThat(Cells.of(requirements, read.table()).cell("eu").orElseThrow().recovery()).isEmpty();
    // on aws, where any region may take the copy, the next region of the list is the recovery region
    var onAws = new RequirementsLoader().load("clinic.yaml", clinic.replace("cloud: azure", "cloud: aws"))
        .requirements().orElseThrow();
    assertThat(Cells.of(onAws, STANDARD).cell("eu").orElseThrow().recovery()).contains("eu-central-1");
    assertThat(read("regions:\n  pairs:\n    azure: { westeurope: North Europe }\n", STANDARD).messages())
        .containsExactly("blueprint.yaml:3:26: 'regions.pairs.azure.westeurope' must pair a region name with a"
            + " region name (lower-case letters, digits and '-')");
  }

  @Test
  void aRootBlueprintWithoutATableIsAnError() {
    assertThat(read("name: mine\n", null).messages()).singleElement().asString().isEqualTo("blueprint.yaml:1:1:"
        + " 'regions' must name 'home' and list the regions of aws, gcp and azure for every jurisdiction; missing:"
        + " eu, us, uk, ca, au, jp, in, ch");
  }
}
