package dev.archforge.deliverable.decisions;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * One architecture decision record per topic, in MADR form: {@code decisions/NNNN-<topic>.md}.
 * The number is the topic's place in the requirements format, so a record keeps its name across
 * runs and projects.
 */
public final class DecisionRecordsDeliverable implements Deliverable {
  @Override
  public String id() {
    return "decision-records";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !plan.decisions().isEmpty();
  }

  private static String fileName(String topic) {
    return Layout.decisionRecordName(topic);
  }

  /** The API versioning record lists the changes of this run that break clients of the previous contracts. */
  @Override
  public boolean statesApiChanges() {
    return true;
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(Layout.DECISIONS_INDEX, "one architecture decision record per topic",
        ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    List<Decision> decisions = plan.decisions();
    List<ApiChange> breaking = facts.apiChanges().stream().filter(ApiChange::breaking).toList();
    List<Artifact> artifacts = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      DecisionRecordView view = new DecisionRecordView(fileName(d.topic()).substring(0, 4),
          plan.requirements().project().name(), d.isUsers() ? "accepted" : "proposed", d, d.chosen().orElse(null),
          d.options().stream().filter(o -> !o.name().equals(d.choice())).toList(),
          i == 0 ? null : fileName(decisions.get(i - 1).topic()),
          i == decisions.size() - 1 ? null : fileName(decisions.get(i + 1).topic()),
          d.topic().equals(DecisionTopic.API_VERSIONING.id()) ? breaking : List.of());
      artifacts.add(new Artifact("decisions/" + fileName(d.topic()), renderer.render("decisions/record.md.ftl", view),
          Artifact.Kind.MARKDOWN));
    }
    artifacts.add(new Artifact(Layout.DECISIONS_INDEX, renderer.render("decisions/README.md.ftl",
        new DecisionIndexView(plan.requirements().project().displayTitle(), decisions.stream()
            .map(d -> new DecisionIndexView.Row(fileName(d.topic()), d.title(), d.choice(), d.isUsers() ? "accepted"
                : "proposed", d.origin().toString())).toList())), Artifact.Kind.MARKDOWN));
    return artifacts;
  }
}
