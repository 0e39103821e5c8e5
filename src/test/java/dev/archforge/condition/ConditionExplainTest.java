package dev.archforge.condition;

import static dev.archforge.condition.Catalog.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.condition.Condition.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionExplainTest {

  @Test
  void explainGivesEachOperandOfAnAndChain() throws ConditionException {
    Condition condition = Catalog.parse(
        "team.size <= 10 and services.count <= 4 and not compliance.pciDss");
    Facts facts = facts("team.size", 8, "services.count", 6, "compliance.pciDss", false);
    assertThat(condition.explain(facts)).containsExactly(
        new Step("team.size <= 10", true),
        new Step("services.count <= 4", false),
        new Step("not compliance.pciDss", true));
    assertThat(condition.test(facts)).isFalse();
  }

  @Test
  void explainGivesEachOperandOfAnOrChain() throws ConditionException {
    Condition condition = Catalog.parse(
        "\"pci-dss\" in compliance or project.domain in [\"ledger\", \"banking\", \"payments\"]");
    assertThat(condition.explain(facts("compliance", List.of("pci-dss"))))
        .containsExactly(
            new Step("\"pci-dss\" in compliance", true),
            new Step("project.domain in [\"ledger\", \"banking\", \"payments\"]", false));
  }

  @Test
  void explainSplitsOnlyTheTopLevelChain() throws ConditionException {
    Condition condition = Catalog.parse("a and b or (c)");
    assertThat(condition.explain(facts("a", true, "b", false, "c", true)))
        .containsExactly(new Step("a and b", false), new Step("(c)", true));
  }

  @Test
  void explainLooksInsideParenthesesAroundTheWhole() throws ConditionException {
    Condition condition = Catalog.parse(" ((a and not b)) ");
    assertThat(condition.explain(facts("a", true, "b", true)))
        .containsExactly(new Step("a", true), new Step("not b", false));
  }

  @Test
  void explainGivesOneStepForAConditionThatIsNoChain() throws ConditionException {
    Condition condition = Catalog.parse("  not (a and b) ");
    assertThat(condition.explain(facts("a", true, "b", true)))
        .containsExactly(new Step("not (a and b)", false));
  }

  @Test
  void namesAreInOrderOfFirstAppearanceEachOnce() throws ConditionException {
    Condition condition = Catalog.parse(
        "budget.monthlyUsd != null and cost.monthlyUsd > budget.monthlyUsd * 0.8 "
            + "and (a or project.cloud == 'aws' or a)");
    assertThat(condition.names())
        .containsExactly("budget.monthlyUsd", "cost.monthlyUsd", "a", "project.cloud");
    assertThat(Catalog.parse("1 < 2").names()).isEmpty();
  }

  @Test
  void textIsKeptAsWritten() throws ConditionException {
    String text = "  team.size<=10   and a ";
    Condition condition = Catalog.parse(text);
    assertThat(condition.text()).isEqualTo(text);
    assertThat(condition).hasToString(text);
  }

  @Test
  void aConditionCanBeSharedBetweenThreads() throws Exception {
    Condition condition = Catalog.parse("team.size * 2 > services.count and not a");
    List<Boolean> results = java.util.stream.IntStream.range(0, 2000).parallel()
        .mapToObj(i -> condition.test(facts("team.size", i % 7, "services.count", 6)))
        .toList();
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i)).isEqualTo((i % 7) * 2 > 6);
    }
  }
}
