package dev.archforge.deliverable.docs;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.Upstream;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.model.Artifact;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The agent folder's own documents: {@code CONTEXT.md} and {@code README.md}. */
public final class WorkspaceDocsDeliverable implements Deliverable {
  /** Topics whose trade-offs shape the system most; CONTEXT.md names what each choice gives up. */
  private static final List<String> KEY_TOPICS = List.of("architecture-style", "database", "messaging", "consistency",
      "caching", "deployment", "backup-dr");

  @Override
  public String id() {
    return "workspace-docs";
  }

  @Override
  public boolean supports(Facts facts) {
    return true;
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    DocsView view = view(plan, facts.contents(), topic -> "decisions/" + facts.decisionLog().currentFile(topic),
        facts.upstream());
    return List.of(
        new Artifact(Layout.CONTEXT, renderer.render("docs/CONTEXT.md.ftl", view), Artifact.Kind.MARKDOWN),
        new Artifact("README.md", renderer.render("docs/README.md.ftl", view), Artifact.Kind.MARKDOWN));
  }

  static DocsView view(Plan plan) {
    return view(plan, List.of(), Layout::decisionRecord, new Upstream(List.of()));
  }

  /**
   * The view, with the workspace's contents as the deliverables of the run list them, and the
   * record in force for each decision topic, and the other agents beside ours.
   */
  static DocsView view(Plan plan, List<ContentsEntry> contents, java.util.function.UnaryOperator<String> record,
      Upstream upstream) {
    Requirements r = plan.requirements();
    List<DocsView.ServiceRow> services = r.services().stream().map(s -> row(plan, s)).toList();
    List<DocsView.DecisionRow> decisions = plan.decisions().stream().map(d -> new DocsView.DecisionRow(d.topic(),
        d.title(), d.choice(), d.origin().toString(), d.isUsers() && d.reasons().size() > 1 ? d.reasons().get(1)
            : d.summary(), String.join(", ", d.drivenBy().stream().map(Driver::key).toList()),
        record.apply(d.topic()))).toList();
    List<ContentsEntry> sorted = contents.stream().sorted(Comparator.comparing(ContentsEntry::group)
        .thenComparingInt(ContentsEntry::position)).toList();
    return new DocsView(r.project().name(), r.project().displayTitle(), r.project().description(),
        r.project().domain(), plan.blueprint().name(), services, decisions, tradeOffs(plan), headline(plan),
        plan.assumptions(), plan.openQuestions(), plan.warnings(), sorted, sorted.stream()
            .filter(e -> e.group() == ContentsEntry.Group.DOCUMENT).map(ContentsEntry::path).toList(),
        upstream.agents());
  }

  private static List<String> tradeOffs(Plan plan) {
    List<String> list = new ArrayList<>();
    for (String topic : KEY_TOPICS) {
      plan.decision(topic).flatMap(Decision::chosen).filter(o -> !o.cons().isEmpty()).ifPresent(o ->
          list.add(plan.decision(topic).orElseThrow().title() + " — " + o.name() + ": " + o.cons().get(0)));
    }
    return list;
  }

  private static List<String> headline(Plan plan) {
    List<String> list = new ArrayList<>();
    plan.capacity().figure("peakRps").ifPresent(f -> list.add("Peak load: " + f.shown() + " " + f.unit()));
    int pods = plan.capacity().services().stream().mapToInt(s -> s.hpaMax()).sum();
    list.add("Deployables: " + plan.capacity().services().size() + ", autoscaling up to " + pods + " pods in all");
    var cost = plan.cost();
    list.add("Cost: about $" + Driver.number(Math.round(cost.totalUsd())) + " per month on " + cost.cloud()
        + " (prices as of " + cost.priceDate() + ")" + (cost.budgetUsd() == null ? ", no budget given"
            : cost.overBudget() ? ", over the budget of $" + Driver.number(cost.budgetUsd())
            : ", within the budget of $" + Driver.number(cost.budgetUsd())));
    return list;
  }

  private static DocsView.ServiceRow row(Plan plan, Service s) {
    return new DocsView.ServiceRow(s.name(), s.api().spelling(), s.exposure().spelling(),
        Deployables.languageOf(plan, s).spelling(),
        String.join(", ", s.entities()), String.join(", ", s.publishes()), String.join(", ", s.consumes()),
        String.join(", ", s.calls()), s.description() == null ? "" : s.description());
  }
}
