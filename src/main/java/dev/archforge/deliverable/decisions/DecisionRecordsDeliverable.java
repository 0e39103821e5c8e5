package dev.archforge.deliverable.decisions;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.DecisionLog;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Digits;
import dev.archforge.model.IssuedRecord;
import dev.archforge.model.Plan;
import dev.archforge.model.TopicRules;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture decision records, in MADR form: {@code decisions/NNNN-<topic>.md}, and their
 * index. A first run numbers them by the topic's place in the requirements format. A record once
 * issued is never rewritten: a changed decision gets a new record that supersedes it, and the old
 * one's status line alone changes ({@link DecisionLog}).
 */
public final class DecisionRecordsDeliverable implements Deliverable {
  private static final String DIR = "decisions/";

  @Override
  public String id() {
    return "decision-records";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !plan.decisions().isEmpty();
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new DecidedComponentsDeployed());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(Layout.DECISIONS_INDEX, "one architecture decision record per topic",
        ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    DecisionLog log = facts.decisionLog();
    List<Decision> decisions = plan.decisions();
    List<ApiChange> breaking = facts.apiChanges().stream().filter(ApiChange::breaking).toList();
    List<Artifact> artifacts = new ArrayList<>();
    List<DecisionIndexView.Row> rows = new ArrayList<>();
    for (DecisionLog.Entry entry : log.entries()) {
      IssuedRecord issued = entry.issued();
      switch (entry.kind()) {
        case NEW -> {
          Decision d = entry.decision();
          int i = decisions.indexOf(d);
          DecisionRecordView view = new DecisionRecordView(entry.number(), plan.requirements().project().name(),
              status(d), d, d.chosen().orElse(null),
              d.options().stream().filter(o -> !o.name().equals(d.choice())).toList(),
              i == 0 ? null : log.currentFile(decisions.get(i - 1).topic()),
              i == decisions.size() - 1 ? null : log.currentFile(decisions.get(i + 1).topic()),
              entry.supersedes() == null ? null : Layout.decisionRecordName(entry.topic())
                  .replaceFirst("^\\d{4}", entry.supersedes()),
              d.topic().equals(DecisionTopic.API_VERSIONING.id()) ? breaking : List.of(), optionCosts(plan, d));
          artifacts.add(new Artifact(DIR + entry.file(), renderer.render("decisions/record.md.ftl", view),
              Artifact.Kind.MARKDOWN));
          rows.add(new DecisionIndexView.Row(entry.file(), d.title(), d.choice(), status(d), d.origin().toString()));
        }
        case KEPT -> {
          artifacts.add(new Artifact(DIR + entry.file(), issued.issued(), Artifact.Kind.MARKDOWN));
          rows.add(row(plan, issued, issued.status()));
        }
        case SUPERSEDED -> {
          String status = issued.status().equals("rejected") ? "rejected" : "superseded by " + entry.supersededBy();
          artifacts.add(new Artifact(DIR + entry.file(), IssuedRecord.withStatus(issued.current(), status),
              Artifact.Kind.MARKDOWN, issued.onDisk()));
          rows.add(row(plan, issued, status));
        }
        default -> throw new IllegalStateException("unknown kind " + entry.kind());
      }
    }
    artifacts.add(new Artifact(Layout.DECISIONS_INDEX, renderer.render("decisions/README.md.ftl",
        new DecisionIndexView(plan.requirements().project().displayTitle(), rows)), Artifact.Kind.MARKDOWN));
    return artifacts;
  }

  private static String status(Decision d) {
    return d.isUsers() ? "accepted" : "proposed";
  }

  private static DecisionIndexView.Row row(Plan plan, IssuedRecord issued, String status) {
    String title = plan.blueprint().topic(issued.topic()).map(TopicRules::title).orElse(issued.topic());
    return new DecisionIndexView.Row(issued.file(), title, issued.choice(), status, issued.origin());
  }

  /** The deployment record's options with the plan's estimated total under each (CAPACITY.md's prices). */
  private static List<DecisionRecordView.OptionCost> optionCosts(Plan plan, Decision d) {
    if (!d.topic().equals(DecisionTopic.DEPLOYMENT.id()) || plan.cost() == null) {
      return List.of();
    }
    return d.options().stream().filter(o -> plan.cost().byDeployment().containsKey(o.name()))
        .map(o -> new DecisionRecordView.OptionCost(o.name(), Digits.grouped(
            Math.round(plan.cost().byDeployment().get(o.name()))), plan.cost().cloud()))
        .toList();
  }
}
