package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.CapacityAssumptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityReaderTest {
  private static final CapacityAssumptions STANDARD = new CapacityAssumptions(0.05, 1000, 10, 1,
      Map.of("java", 300, "kotlin", 300, "go", 600, "node", 250, "python", 150), 0.7, 2, 500, 1024, 10, 200, 1.5, 0.2,
      1000, 1, 3);

  private record Read(CapacityAssumptions assumptions, Diagnostics diagnostics) {
    java.util.List<String> messages() {
      return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }
  }

  private static Read read(String yaml, CapacityAssumptions parent) {
    Diagnostics d = new Diagnostics("blueprint.yaml");
    YamlMap root = SafeYaml.parse(yaml, d).flatMap(node -> YamlMap.open(node, "", d)).orElseThrow();
    YamlMap section = root.map("capacity").orElse(null);
    return new Read(CapacityReader.read(section, parent, d), d);
  }

  @Test
  void theStandardSectionReadsEveryKey() {
    assertThat(BlueprintFixtures.standardCapacity()).isEqualTo(STANDARD);
  }

  @Test
  void aChildOverridesKeysOneByOneAndPodRpsLanguageByLanguage() {
    Read read = read("""
        capacity:
          targetUtilization: 0.6
          podRps: { go: 900 }
        """, STANDARD);
    assertThat(read.messages()).isEmpty();
    assertThat(read.assumptions().targetUtilization()).isEqualTo(0.6);
    assertThat(read.assumptions().podRps()).containsEntry("go", 900).containsEntry("java", 300).hasSize(5);
    assertThat(read.assumptions().burstFactor()).isEqualTo(2);
  }

  @Test
  void noSectionTakesTheParentAndWithoutParentIsAnError() {
    assertThat(read("name: mine\n", STANDARD).assumptions()).isSameAs(STANDARD);
    Read root = read("name: mine\n", null);
    assertThat(root.assumptions()).isNull();
    assertThat(root.messages()).singleElement().asString().startsWith("blueprint.yaml:1:1: the blueprint has no"
        + " 'capacity:' section");
  }

  @Test
  void unknownKeysGetAHintAndRangesAreCheckedAtTheValue() {
    Read read = read("""
        capacity:
          targetUtilisation: 0.7
          burstFactor: 0.5
          minPartitions: 0
          podRps: { jav: 300 }
        """, STANDARD);
    assertThat(read.messages()).containsExactly(
        "blueprint.yaml:2:3: unknown key 'targetUtilisation' in 'capacity' — did you mean 'targetUtilization'?",
        "blueprint.yaml:3:16: 'capacity.burstFactor' must be at least 1 and at most 100, not 0.5",
        "blueprint.yaml:4:18: 'capacity.minPartitions' must be between 1 and 10000, not 0",
        "blueprint.yaml:5:13: unknown key 'jav' in 'capacity.podRps' — did you mean 'java'?");
  }

  @Test
  void targetUtilizationMustBeAboveZeroAndAtMostOne() {
    assertThat(read("capacity:\n  targetUtilization: 0\n", STANDARD).messages()).containsExactly(
        "blueprint.yaml:2:22: 'capacity.targetUtilization' must be greater than 0 and at most 1, not 0");
    assertThat(read("capacity:\n  targetUtilization: 1.2\n", STANDARD).messages()).hasSize(1);
    assertThat(read("capacity:\n  targetUtilization: 1\n", STANDARD).messages()).isEmpty();
  }

  @Test
  void aRootBlueprintMustGiveEveryKey() {
    Read read = read("""
        capacity:
          requestsPerUserPerSecond: 0.05
          podRps: { java: 300 }
        """, null);
    assertThat(read.assumptions()).isNull();
    assertThat(read.messages()).contains(
        "blueprint.yaml:2:3: 'capacity.burstFactor' is required (set it, or extend a blueprint that does, e.g."
            + " extends: standard)",
        "blueprint.yaml:3:11: 'capacity.podRps' needs a value for every language; it lacks kotlin, go, node, python");
  }
}
