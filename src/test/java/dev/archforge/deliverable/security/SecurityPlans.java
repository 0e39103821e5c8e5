package dev.archforge.deliverable.security;

import dev.archforge.deliverable.observability.ObservabilityDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plans the security tests run on: every sample, and samples with other decisions so that each
 * authentication method, broker, gateway choice and architecture style is reached.
 */
final class SecurityPlans {
  static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  /** A plan with a name for parameterized tests. */
  record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  private SecurityPlans() {}

  static Stream<Named> samples() {
    return SamplePlans.samples().stream().map(p -> new Named(SamplePlans.name(p), SamplePlans.plan(p)));
  }

  static Stream<Named> variants() {
    return Stream.of(
        variant("ecommerce", Map.of("messaging", "none", "caching", "none", "api-gateway", "none")),
        variant("ecommerce", Map.of("authentication", "mtls", "deployment", "vm", "architecture-style",
            "microservices", "messaging", "rabbitmq")),
        variant("saas-projects", Map.of("authentication", "jwt", "architecture-style", "modular-monolith",
            "messaging", "none", "authorization", "abac")),
        variant("iot-telemetry", Map.of("messaging", "rabbitmq", "caching", "cdn-and-redis", "database", "mysql")),
        variant("fintech-ledger", Map.of("messaging", "cloud-pubsub", "secrets", "vault", "api-gateway",
            "gateway-and-bff")),
        variant("minimal", Map.of("authentication", "none", "deployment", "serverless", "architecture-style",
            "serverless")));
  }

  static Stream<Named> all() {
    return Stream.concat(samples(), variants());
  }

  static Named variant(String sample, Map<String, String> decisions) {
    Path path = Path.of("samples", sample + ".yaml");
    Requirements r = SamplePlans.requirements(path);
    Map<String, String> merged = new HashMap<>(r.decisions());
    merged.putAll(decisions);
    Requirements changed = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        r.services(), r.entities(), r.events(), merged, r.decisionLocations(), r.entityLocations(), r.blueprint());
    return new Named(sample + " " + new java.util.TreeMap<>(decisions), SamplePlans.plan(changed));
  }

  /** The security documents by path. */
  static Map<String, String> security(Plan plan) {
    return byPath(new SecurityDeliverable().contribute(Facts.of(plan), RENDERER));
  }

  /**
   * Everything the security documents may link to, and themselves, by path: what the pipeline's
   * registered deliverables render for the plan, plus the security and observability documents.
   */
  static Map<String, String> workspace(Plan plan) {
    List<String> registered = Pipeline.deliverableIds();
    Blueprint b = plan.blueprint();
    Blueprint only = b.withDeliverables(b.deliverables().stream().filter(registered::contains).toList());
    List<Artifact> all = new ArrayList<>(Pipeline.standard().render(Facts.of(new Plan(plan.requirements(), only,
        plan.decisions(), plan.capacity(), plan.cost(), plan.assumptions(), plan.openQuestions(), plan.warnings())),
        RENDERER));
    if (!registered.contains("security")) {
      all.addAll(new SecurityDeliverable().contribute(Facts.of(plan), RENDERER));
    }
    if (!registered.contains("observability")) {
      all.addAll(new ObservabilityDeliverable().contribute(Facts.of(plan), RENDERER));
    }
    return byPath(all);
  }

  static Map<String, String> byPath(List<Artifact> artifacts) {
    Map<String, String> map = new LinkedHashMap<>();
    artifacts.forEach(a -> map.put(a.path(), a.content()));
    return map;
  }
}
