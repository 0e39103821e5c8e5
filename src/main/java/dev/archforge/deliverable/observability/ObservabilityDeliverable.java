package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Restores;
import dev.archforge.facts.deploy.SecondRegion;
import dev.archforge.facts.deploy.Telemetry;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code observability/}: SLO.md (SLIs, SLOs, error budgets, burn-rate policy, telemetry
 * conventions, dashboards), alerts.yaml (Prometheus recording and alerting rules: multi-window
 * burn rates, error rate, saturation, broker lag), alerts.test.yaml (unit tests for
 * {@code promtool test rules}) and RUNBOOK.md (a section per alert).
 */
public final class ObservabilityDeliverable implements Deliverable {
  static final String RULES = "alerts.yaml";

  @Override
  public String id() {
    return "observability";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !plan.requirements().services().isEmpty();
  }

  /** Everything the four files are rendered from, computed once. */
  record Model(List<SloTarget> targets, AlertsView alerts, AlertTestsView tests, SloView slo, List<String> skipped) {}

  static Model model(Facts facts) {
    Plan plan = facts.plan();
    RunningSystem sys = RunningSystem.of(facts);
    List<SloTarget> targets = Slos.targets(plan, sys);
    Runbooks runbooks = new Runbooks(sys, plan);
    List<Group> groups = new ArrayList<>();
    targets.forEach(t -> groups.add(BurnRateRules.group(t, runbooks)));
    groups.addAll(new ResourceRules(sys, plan, runbooks, targets).groups());
    BrokerRules broker = new BrokerRules(sys, plan, runbooks);
    broker.group().ifPresent(groups::add);
    AlertTests tests = new AlertTests(groups);
    AlertTestsView testsView = new AlertTestsView(RULES, tests.tests(targets, broker.testSeries(),
        broker.firstLagAlert()));
    String title = plan.requirements().project().displayTitle();
    Telemetry telemetry = Telemetry.of(plan);
    String where = sys.kubernetes() || !telemetry.scraped() ? telemetry.sentence() : "";
    Optional<SecondRegion> second = SecondRegion.written(plan);
    return new Model(targets, new AlertsView(title, groups, where, Restores.of(facts), second.orElse(null),
        second.map(s -> s.promoteStepsMd(facts)).orElse(List.of()), SecondRegion.notForCells(plan).orElse("")),
        testsView,
        new SloViewBuilder(plan, sys, targets).build(groups), tests.skipped());
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Model m = facts.derived(Model.class, ObservabilityDeliverable::model);
    return List.of(
        new Artifact(Layout.SLO, end(renderer.render("observability/SLO.md.ftl", m.slo())),
            Artifact.Kind.MARKDOWN),
        new Artifact("observability/" + RULES, renderer.render("observability/alerts.yaml.ftl", m.alerts()),
            Artifact.Kind.YAML),
        new Artifact("observability/alerts.test.yaml", renderer.render("observability/alerts.test.yaml.ftl",
            m.tests()), Artifact.Kind.YAML),
        new Artifact(Layout.RUNBOOK, end(renderer.render("observability/RUNBOOK.md.ftl", m.alerts())),
            Artifact.Kind.MARKDOWN));
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new WatchedNames(), new MetricsReachPrometheus(), new TelemetryReachesCollector());
  }

  @Override
  public List<String> warnings(Facts facts) {
    return facts.derived(Model.class, ObservabilityDeliverable::model).skipped();
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(Layout.SLO, "SLOs, error budgets, burn-rate alerts (alerts.yaml) and runbook", ContentsEntry.Group.DOCUMENT,
        plan.blueprint().deliverables().indexOf(id())));
  }

  private static String end(String markdown) {
    return markdown.stripTrailing() + "\n";
  }
}
