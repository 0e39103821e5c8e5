package dev.archforge.deliverable.docs;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.Naming;
import dev.archforge.deliverable.decisions.DecisionRecordsDeliverable;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
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
        d.title(), d.choice(), d.origin().toString(), d.isUsers() && d.reasons().size() > 1 ? d.reasons().get(1)
            : d.summary(), String.join(", ", d.drivenBy().stream().map(Driver::key).toList()),
        "decisions/" + DecisionRecordsDeliverable.fileName(d.topic()))).toList();
    List<DocsView.Contract> contracts = contracts(plan);
    List<String> documents = plan.blueprint().deliverables().stream().map(WorkspaceDocsDeliverable::document)
        .filter(d -> !d.isEmpty()).toList();
    return new DocsView(r.project().name(), r.project().displayTitle(), r.project().description(),
        r.project().domain(), plan.blueprint().name(), services, decisions, tradeOffs(plan), headline(plan),
        plan.assumptions(), plan.openQuestions(), plan.warnings(), contracts, documents);
  }

  private static List<DocsView.Contract> contracts(Plan plan) {
    List<String> rendered = plan.blueprint().deliverables();
    List<DocsView.Contract> list = new ArrayList<>();
    for (Service s : plan.requirements().services()) {
      if (s.api() == Api.REST && rendered.contains("openapi")) {
        list.add(new DocsView.Contract("api/" + s.name() + "/openapi.yaml", "OpenAPI 3.0.3 contract, validated by "
            + "swagger-parser and the OpenAPI JSON Schema"));
      } else if (s.api() == Api.GRAPHQL && rendered.contains("graphql")) {
        list.add(new DocsView.Contract("api/" + s.name() + "/schema.graphql", "GraphQL schema, validated by "
            + "graphql-java"));
      } else if (s.api() == Api.GRPC && rendered.contains("grpc")) {
        list.add(new DocsView.Contract("api/" + s.name() + "/" + Naming.snake(s.name()) + ".proto", "proto3 "
            + "service, validated by Wire; lint it with buf (buf.yaml next to it)"));
      }
    }
    boolean events = plan.requirements().services().stream().anyMatch(s -> !s.publishes().isEmpty());
    if (events && rendered.contains("asyncapi")) {
      list.add(new DocsView.Contract("api/asyncapi.yaml", "AsyncAPI 3.0 contract of the events, validated against "
          + "the AsyncAPI 3.0.0 JSON Schema"));
    }
    return list;
  }

  private static String document(String deliverable) {
    return switch (deliverable) {
      case "decision-records" -> "decisions/README.md";
      case "capacity" -> "CAPACITY.md";
      case "architecture" -> "ARCHITECTURE.md";
      case "security" -> "security/SECURITY.md";
      case "observability" -> "observability/SLO.md";
      default -> "";
    };
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

  private static DocsView.ServiceRow row(Service s) {
    return new DocsView.ServiceRow(s.name(), s.api().spelling(), s.exposure().spelling(), s.language().spelling(),
        String.join(", ", s.entities()), String.join(", ", s.publishes()), String.join(", ", s.consumes()),
        String.join(", ", s.calls()), s.description() == null ? "" : s.description());
  }
}
