package dev.archforge.condition;

import static dev.archforge.condition.Catalog.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionEvaluationTest {
  private static final Facts NONE = facts();

  private static boolean holds(String text, Facts facts) throws ConditionException {
    return Catalog.parse(text).test(facts);
  }

  @Test
  void notBindsTighterThanAnd() throws ConditionException {
    Facts bothFalse = facts("a", false, "b", false);
    assertThat(holds("not a and b", bothFalse)).isFalse();
    assertThat(holds("not (a and b)", bothFalse)).isTrue();
    assertThat(holds("not a and not b", bothFalse)).isTrue();
  }

  @Test
  void andBindsTighterThanOr() throws ConditionException {
    Facts onlyA = facts("a", true, "b", false, "c", false);
    assertThat(holds("a or b and c", onlyA)).isTrue();
    assertThat(holds("(a or b) and c", onlyA)).isFalse();
    assertThat(holds("b and c or a", onlyA)).isTrue();
  }

  @Test
  void notAppliesToAWholeComparison() throws ConditionException {
    assertThat(holds("not team.size == 3", facts("team.size", 3))).isFalse();
    assertThat(holds("not team.size == 3", facts("team.size", 4))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 + 2 * 3 == 7", "(1 + 2) * 3 == 9", "10 - 4 - 3 == 3", "12 / 2 / 3 == 2", "-2 * 3 == -6",
      "- -2 == 2", "-(2 + 3) == -5", "1 + 1 < 3", "2 * 3 >= 6", "7 / 2 == 3.5", "1e6 == 1000000",
      "2.5E-1 * 4 == 1", "0.8 == 0.80", "0 == -0",
      "team.size * 2 == 16", "team.size - 10 == -2"})
  void arithmeticFollowsPrecedenceAndIsLeftAssociative(String text) throws ConditionException {
    assertThat(holds(text, facts("team.size", 8))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "team.size == 8", "team.size != 9", "team.size < 9", "team.size <= 8", "team.size > 7",
      "team.size >= 8", "not team.size < 8", "not team.size > 8", "not team.size != 8",
      "project.cloud == \"aws\"", "project.cloud == 'aws'", "project.cloud != 'AWS'",
      "a == true", "a != false", "b == false", "a != b",
      "compliance == [\"pci-dss\", \"gdpr\"]", "compliance != [\"gdpr\", \"pci-dss\"]",
      "\"gdpr\" in compliance", "not \"hipaa\" in compliance",
      "compliance contains 'pci-dss'", "not compliance contains 'PCI-DSS'",
      "project.domain in [\"ledger\", \"banking\", \"payments\"]",
      "not project.domain in ['ledger']", "project.domain in ['banking']",
      "team.size in [1, 8, 20]", "not team.size in [1, 2]", "-3 in [-3]",
      "[1, 8] contains team.size", "['x', 'banking'] contains project.domain",
      "not [] contains 'x'", "not 'x' in []",
      "'it\\'s' == \"it's\"", "\"say \\\"hi\\\"\" == 'say \"hi\"'", "'a\\\\b' != 'a\\\\\\\\b'"})
  void everyOperatorHolds(String text) throws ConditionException {
    Facts facts = facts("team.size", 8, "project.cloud", "aws", "project.domain", "banking",
        "a", true, "b", false, "compliance", List.of("pci-dss", "gdpr"));
    assertThat(holds(text, facts)).as(text).isTrue();
  }

  @Test
  void escapesYieldTheCharactersTheyStandFor() throws ConditionException {
    Facts facts = facts("project.cloud", "it's \"x\" \\");
    assertThat(holds("project.cloud == 'it\\'s \"x\" \\\\'", facts)).isTrue();
    assertThat(holds("project.cloud == \"it's \\\"x\\\" \\\\\"", facts)).isTrue();
  }

  @Test
  void equalsNullHoldsExactlyWhenAFactIsNotGiven() throws ConditionException {
    for (String name : List.of("budget.monthlyUsd", "project.cloud", "compliance", "a")) {
      assertThat(holds(name + " == null", NONE)).as(name).isTrue();
      assertThat(holds(name + " != null", NONE)).as(name).isFalse();
      assertThat(holds("null == " + name, NONE)).as(name).isTrue();
    }
    Facts given = facts("budget.monthlyUsd", 0, "project.cloud", "", "compliance", List.of(),
        "a", false);
    for (String name : List.of("budget.monthlyUsd", "project.cloud", "compliance", "a")) {
      assertThat(holds(name + " == null", given)).as(name).isFalse();
      assertThat(holds(name + " != null", given)).as(name).isTrue();
    }
    assertThat(holds("null == null", NONE)).isTrue();
    assertThat(holds("null != null", NONE)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "project.cloud == 'aws'", "project.cloud != 'aws'", "project.cloud == project.domain",
      "team.size == 1", "team.size != 1", "team.size < 1", "team.size <= 1", "team.size > 1",
      "team.size >= 1", "1 < team.size", "project.domain in ['ledger']", "team.size in [1]",
      "'x' in compliance", "compliance contains 'x'",
      "compliance == []", "compliance != ['x']", "['x'] contains project.domain"})
  void everyOtherComparisonWithAValueNotGivenIsFalse(String text) throws ConditionException {
    assertThat(holds(text, NONE)).isFalse();
  }

  @Test
  void arithmeticWithAValueNotGivenGivesNotGiven() throws ConditionException {
    assertThat(holds("budget.monthlyUsd * 0.8 == null", NONE)).isTrue();
    assertThat(holds("-budget.monthlyUsd == null", NONE)).isTrue();
    assertThat(holds("1 + budget.monthlyUsd != null", NONE)).isFalse();
    String rule = "budget.monthlyUsd != null and cost.monthlyUsd > budget.monthlyUsd * 0.8";
    assertThat(holds(rule, facts("cost.monthlyUsd", 900))).isFalse();
    assertThat(holds("cost.monthlyUsd > budget.monthlyUsd * 0.8", facts("cost.monthlyUsd", 900)))
        .isFalse();
    assertThat(holds(rule, facts("cost.monthlyUsd", 900, "budget.monthlyUsd", 1000))).isTrue();
    assertThat(holds(rule, facts("cost.monthlyUsd", 700, "budget.monthlyUsd", 1000))).isFalse();
  }

  @Test
  void divisionByZeroGivesNotGiven() throws ConditionException {
    Facts facts = facts("team.size", 5, "services.count", 0);
    assertThat(holds("team.size / services.count == null", facts)).isTrue();
    assertThat(holds("0 / 0 == null", facts)).isTrue();
    assertThat(holds("team.size / services.count > 0", facts)).isFalse();
    assertThat(holds("team.size / services.count <= 0", facts)).isFalse();
    assertThat(holds("1e308 * 10 == null", facts)).isTrue();
  }

  @Test
  void aTrueFalseFactNotGivenCountsAsFalse() throws ConditionException {
    assertThat(holds("compliance.pciDss", NONE)).isFalse();
    assertThat(holds("not compliance.pciDss", NONE)).isTrue();
    assertThat(holds("compliance.pciDss == false", NONE)).isTrue();
    assertThat(holds("compliance.pciDss != true", NONE)).isTrue();
    assertThat(holds("a == b", NONE)).isTrue();
    assertThat(holds("a or b", NONE)).isFalse();
    assertThat(holds("compliance.pciDss == null", NONE)).isTrue();
  }

  @Test
  void aFactMissingFromTheSnapshotCountsAsNotGiven() throws ConditionException {
    Condition condition = Catalog.parse("team.size == null and not a");
    assertThat(condition.test(Facts.builder().build())).isTrue();
  }

  @Test
  void aFactOfAnotherTypeThanWhenParsedIsRefused() throws ConditionException {
    Condition condition = Catalog.parse("team.size > 1");
    Facts wrong = Facts.builder().text("team.size", "big").build();
    assertThatThrownBy(() -> condition.test(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fact 'team.size' is text but the condition was checked with it as number");
  }

  @Test
  void theBlueprintExamplesWork() throws ConditionException {
    Facts facts = facts("team.size", 6, "services.count", 3, "services.publicCount", 1,
        "scale.readRatio", 0.9, "capacity.peakRps", 1500, "project.domain", "payments",
        "decision.architectureStyle", "microservices", "events.crossService", 2,
        "compliance", List.of("gdpr"), "compliance.pciDss", false);
    assertThat(holds("team.size <= 10 and services.count <= 4 and not compliance.pciDss", facts))
        .isTrue();
    assertThat(holds("scale.readRatio >= 0.8 and capacity.peakRps >= 1000 "
        + "and services.publicCount > 0", facts)).isTrue();
    assertThat(holds("\"pci-dss\" in compliance or project.domain in "
        + "[\"ledger\", \"banking\", \"payments\"]", facts)).isTrue();
    assertThat(holds("decision.architectureStyle == \"microservices\" "
        + "and events.crossService > 0", facts)).isTrue();
    assertThat(holds("budget.monthlyUsd != null and cost.monthlyUsd > budget.monthlyUsd * 0.8",
        facts)).isFalse();
  }

  @Test
  void longFlatChainsNeedNoDeepNesting() throws ConditionException {
    String ands = "a" + " and a".repeat(300);
    assertThat(ands.length()).isLessThanOrEqualTo(Condition.MAX_LENGTH);
    assertThat(holds(ands, facts("a", true))).isTrue();
    String sum = "1" + "+1".repeat(990) + " == 991";
    assertThat(holds(sum, NONE)).isTrue();
  }
}
