package dev.archforge.decide;

import dev.archforge.condition.Facts;
import dev.archforge.decide.capacity.BackendForFrontend;
import dev.archforge.decide.capacity.Baseline;
import dev.archforge.decide.capacity.BaselineCalculator;
import dev.archforge.decide.capacity.CellShares;
import dev.archforge.decide.capacity.CostEstimator;
import dev.archforge.decide.capacity.SizingCalculator;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Capacity;
import dev.archforge.model.Cells;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.FactCatalog;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.TopicRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decide stage: the baseline capacity figures first (they are facts for the rules), then
 * every topic in {@link FactCatalog#DECIDE_ORDER} by the blueprint's rules (a user's choice
 * wins), then sizing and the cost estimate from the choices, then the cost topic, then the
 * blueprint's checks on the whole plan.
 */
public final class RuleDecider implements Decider {
  private static final List<String> BASELINE_FACTS =
      List.of("peakRps", "readRps", "writeRps", "dataGb", "storageGb12", "storageGb36");

  @Override
  public Plan decide(Requirements r, Blueprint blueprint) {
    UserChoices.check(r, blueprint);
    Baseline baseline = BaselineCalculator.compute(r, blueprint.capacity());
    Map<String, Double> figures = new LinkedHashMap<>();
    BASELINE_FACTS.forEach(k -> figures.put(k, baseline.value(k)));
    Facts.Builder facts = RequirementFacts.of(r, figures);
    Cells cells = Cells.of(r, blueprint.regions());
    RequirementFacts.cells(facts, r, cells);
    List<Decision> decisions = new ArrayList<>();
    Map<String, String> choices = new LinkedHashMap<>();
    for (String topic : FactCatalog.DECIDE_ORDER.subList(0, FactCatalog.DECIDE_ORDER.size() - 1)) {
      decide(topic, r, blueprint, facts, decisions, choices);
    }
    decisions.replaceAll(d -> CellConsequences.apply(d, cells));
    String database = choices.getOrDefault("database", "postgresql");
    decisions.replaceAll(d -> BackupCopies.apply(d, cells, r.project().cloud(), database));
    decisions.replaceAll(d -> BackendForFrontend.withDeployable(d, r, choices));
    decisions.replaceAll(d -> KafkaLogin.apply(d, r.project().cloud(), choices.getOrDefault("messaging", "none")));
    Capacity capacity = SizingCalculator.size(r, blueprint.capacity(), baseline, choices);
    List<CellShares.CellPlan> cellPlans = CellShares.of(r, cells, blueprint.capacity(), choices);
    CostEstimate cost = CostEstimator.estimate(r, capacity, choices, blueprint.prices(), cellPlans);
    Integer budget = r.project().budget().monthlyUsd();
    facts.number("cost.monthlyUsd", (double) Math.round(cost.totalUsd()))
        .number("cost.budgetShare", budget == null || budget == 0 ? null : cost.totalUsd() / budget);
    decide("cost", r, blueprint, facts, decisions, choices);
    List<String> warnings = new ArrayList<>();
    Checks.run(blueprint, facts.build(), r, warnings);
    warnings.addAll(Warnings.of(r, blueprint, cost));
    decisions.sort(Comparator.comparingInt(d -> DecisionTopic.byId(d.topic()).orElseThrow().ordinal()));
    List<String> assumptions = new ArrayList<>(capacity.assumptions());
    assumptions.addAll(Warnings.defaultsAssumed(r, blueprint));
    List<String> questions = new ArrayList<>(Questions.of(r));
    if (!cellPlans.isEmpty()) {
      assumptions.add("dataResidency names " + cellPlans.size() + " cells but not how users split between them:"
          + " each cell is sized and priced for an even share (1/" + cellPlans.size() + ") of the users,"
          + " traffic and data, in its own serving regions; the runtime's autoscaling bounds stay those of the whole"
          + " system in every cell, so a cell can take more than its share.");
      questions.add("What share of the users, traffic and data does each jurisdiction of dataResidency ("
          + String.join(", ", cellPlans.stream().map(CellShares.CellPlan::jurisdiction).toList())
          + ") have? (Each cell's sizing and bill in CAPACITY.md assume an even split; the total is their sum.)");
    }
    BackupCopies.question(cells, r.project().cloud(), choices.getOrDefault("backup-dr", "")).ifPresent(questions::add);
    return new Plan(r, blueprint, decisions, capacity, cost, assumptions, questions, warnings, cells);
  }

  private static void decide(String topic, Requirements r, Blueprint blueprint, Facts.Builder facts,
      List<Decision> decisions, Map<String, String> choices) {
    TopicRules rules = blueprint.topic(topic).orElseThrow(
        () -> new IllegalStateException("the blueprint loader ensures rules for every topic; none for " + topic));
    Decision decision = TopicDecider.decide(rules, facts.build(), Optional.ofNullable(r.decisions().get(topic)));
    decisions.add(decision);
    choices.put(topic, decision.choice());
    facts.text(FactCatalog.decisionFact(topic), decision.choice());
  }
}
