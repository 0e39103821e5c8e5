package dev.archforge.deliverable.docs;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;

/** The agent folder's own documents: {@code CONTEXT.md} and {@code README.md}. */
public final class WorkspaceDocsDeliverable implements Deliverable {
  @Override
  public String id() {
    return "workspace-docs";
  }

  @Override
  public boolean supports(Plan plan) {
    return true;
  }

  @Override
  public List<Artifact> contribute(Plan plan, TemplateRenderer renderer) {
    DocsView view = view(plan);
    return List.of(
        new Artifact("CONTEXT.md", renderer.render("docs/CONTEXT.md.ftl", view), Artifact.Kind.MARKDOWN),
        new Artifact("README.md", renderer.render("docs/README.md.ftl", view), Artifact.Kind.MARKDOWN));
  }

  static DocsView view(Plan plan) {
    Requirements r = plan.requirements();
    List<DocsView.ServiceRow> services = r.services().stream().map(WorkspaceDocsDeliverable::row).toList();
    List<DocsView.DecisionRow> decisions = plan.decisions().stream().map(d -> new DocsView.DecisionRow(d.topic(),
        d.choice(), d.origin().toString(), d.reason(), String.join("; ", d.drivers()))).toList();
    List<String> contracts = r.services().stream().filter(s -> s.api() == Api.REST)
        .map(s -> "api/" + s.name() + "/openapi.yaml").toList();
    return new DocsView(r.project().name(), r.project().displayTitle(), r.project().description(),
        r.project().domain(), plan.blueprint().name(), services, decisions, assumptions(r, plan.blueprint().defaults().stringMaxLength()), openQuestions(r),
        plan.warnings(), contracts);
  }

  private static DocsView.ServiceRow row(Service s) {
    return new DocsView.ServiceRow(s.name(), s.api().spelling(), s.exposure().spelling(), s.language().spelling(),
        String.join(", ", s.entities()), String.join(", ", s.publishes()), String.join(", ", s.consumes()),
        String.join(", ", s.calls()), s.description() == null ? "" : s.description());
  }

  private static List<String> assumptions(Requirements r, int stringMaxLength) {
    Scale scale = r.scale();
    List<String> list = new ArrayList<>();
    if (scale.assumed().contains("readRatio")) {
      list.add("Reads are 80 % of requests (scale.readRatio not given).");
    }
    if (scale.assumed().contains("availability")) {
      list.add("The availability target is 99.9 % (scale.availability not given).");
    }
    if (scale.assumed().contains("regions")) {
      list.add("One region serves all traffic (scale.regions not given).");
    }
    list.add("Strings without maxLength hold at most " + stringMaxLength + " characters (the blueprint's default).");
    return list;
  }

  /** Inputs the file leaves out that sizing depends on; also listed in SHARED_PROGRESS.md. */
  public static List<String> openQuestions(Requirements r) {
    List<String> list = new ArrayList<>();
    for (String key : List.of("concurrentUsers", "peakRps", "dataGb", "growthGbPerMonth", "latencyP99Ms")) {
      if (r.scale().assumed().contains(key)) {
        list.add("scale." + key + " is not stated: sizing that depends on it is an estimate until it is.");
      }
    }
    if (r.project().budget().monthlyUsd() == null) {
      list.add("project.budget.monthlyUsd is not stated: the cost estimate cannot be checked against a budget.");
    }
    if (r.compliance().isEmpty()) {
      list.add("No compliance regime is named: confirm that none (GDPR, PCI DSS, HIPAA, SOC 2, ISO 27001) applies.");
    }
    return list;
  }
}
