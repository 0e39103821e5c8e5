package dev.archforge.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Cell;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.testing.SamplePlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code dataResidency}: each jurisdiction is a cell in its own regions, and the recovery plan and
 * the stores' records keep every copy of the data inside its cell.
 */
public class DataResidencyTest {
  static final Path CLINIC = Path.of("samples/clinic-residency.yaml");

  static String clinic(String residency) throws IOException {
    return Files.readString(CLINIC).replace("dataResidency: [eu, us]", residency);
  }

  public static Requirements requirements(String text) {
    return new RequirementsLoader().load("clinic.yaml", text).requirements().orElseThrow();
  }

  static Plan plan(String text) {
    return SamplePlans.plan(requirements(text));
  }

  @Test
  void anUnknownJurisdictionIsReportedWhereItIsWrittenWithAHint() throws IOException {
    var result = new RequirementsLoader().load("clinic.yaml", clinic("dataResidency: [eu, usa]"));
    assertThat(result.requirements()).isEmpty();
    assertThat(result.errors()).singleElement().hasToString("clinic.yaml:29:21: 'usa' in 'dataResidency' must be one"
        + " of eu, us, uk, ca, au, jp, in, ch — did you mean 'us'?");
  }

  @Test
  void eachJurisdictionIsACellInItsOwnRegions() {
    Plan plan = SamplePlans.plan(CLINIC);
    assertThat(plan.cells().residency()).isTrue();
    assertThat(plan.cells().cells()).containsExactly(
        new Cell("eu", List.of("eu-west-1"), Optional.of("eu-central-1")),
        new Cell("us", List.of("us-east-1"), Optional.of("us-west-2")));
  }

  @Test
  void withoutResidencyTheSystemIsOneCellInTheHomeRegions() throws IOException {
    Plan plan = plan(clinic(""));
    assertThat(plan.cells().residency()).isFalse();
    assertThat(plan.cells().cells()).containsExactly(
        new Cell("us", List.of("us-east-1", "us-west-2"), Optional.of("us-east-2")));
  }

  @Test
  void residencyKeepsReplicationAndBackupsInsideEachCell() throws IOException {
    Plan free = plan(clinic(""));
    Plan bound = SamplePlans.plan(CLINIC);
    assertThat(free.choice("backup-dr")).isEqualTo("active-active");
    assertThat(bound.choice("backup-dr")).isEqualTo("cell-local-recovery");
    assertThat(bound.decision("backup-dr").orElseThrow().reasons().get(0)).contains(
        "eu: eu-west-1, recovery eu-central-1; us: us-east-1, recovery us-west-2");
    assertThat(bound.decision("database").orElseThrow().consequences()).last().asString()
        .startsWith("A database per cell (eu in eu-west-1, eu-central-1; us in us-east-1, us-west-2)");
    assertThat(bound.decision("caching").orElseThrow().consequences()).last().asString()
        .startsWith("A cache per cell");
    assertThat(free.decision("database").orElseThrow().consequences()).noneMatch(c -> c.contains("per cell"));
  }

  @Test
  void aJurisdictionWithOneRegionIsWarnedAbout() throws IOException {
    Plan plan = plan(clinic("dataResidency: [uk]"));
    assertThat(plan.cells().cells()).containsExactly(new Cell("uk", List.of("eu-west-2"), Optional.empty()));
    assertThat(plan.warnings()).anyMatch(w -> w.contains("no recovery region on this cloud, one region only or (on"
        + " azure) a region pair that leaves the jurisdiction (uk: none)"));
    // the record says the backups stay, and the open questions ask where they may go
    assertThat(plan.decision("backup-dr").orElseThrow().consequences()).anyMatch(c -> c.equals("The uk cell's"
        + " database backups stay in eu-west-2: uk has no other region for them on aws (the blueprint's regions"
        + " table lists one); losing that region is survived only by a copy in another account with object lock."));
    assertThat(plan.openQuestions()).anyMatch(q -> q.startsWith("Where may the backups of uk be copied?"));
  }
}
