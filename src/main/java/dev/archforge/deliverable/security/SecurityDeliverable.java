package dev.archforge.deliverable.security;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.CrossValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code security/}: SECURITY.md (the security design), THREAT-MODEL.md (STRIDE per element and
 * flow), ASVS.md (ASVS 4.0.3 and the API Security Top 10, control by control), AUTHZ-MATRIX.md
 * (role × operation, from the OpenAPI views) and, when the requirements name a regime,
 * COMPLIANCE.md. Everything is derived from the plan: the components and flows it names are the
 * system's own.
 */
public final class SecurityDeliverable implements Deliverable {
  @Override
  public String id() {
    return "security";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !plan.requirements().services().isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    SecurityFacts f = facts.derived(SecurityFacts.class, SecurityFacts::of);
    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(markdown(Layout.SECURITY, renderer.render("security/SECURITY.md.ftl", security(f))));
    artifacts.add(markdown("security/THREAT-MODEL.md", renderer.render("security/THREAT-MODEL.md.ftl",
        threats(facts))));
    artifacts.add(markdown("security/ASVS.md", renderer.render("security/ASVS.md.ftl", AsvsBuilder.build(f))));
    artifacts.add(markdown("security/AUTHZ-MATRIX.md", renderer.render("security/AUTHZ-MATRIX.md.ftl", f.matrix())));
    if (!plan.requirements().compliance().isEmpty() || plan.cells().residency()) {
      artifacts.add(markdown("security/COMPLIANCE.md", renderer.render("security/COMPLIANCE.md.ftl",
          ComplianceBuilder.build(f))));
    }
    return artifacts;
  }

  @Override
  public List<CrossValidator> coherence() {
    return List.of(new ProtectionMatchesColumns());
  }

  @Override
  public List<String> warnings(Facts facts) {
    List<String> warnings = new ArrayList<>();
    threats(facts).highRisks().forEach(h -> warnings.add("security: high residual risk in the threat "
        + "model, " + h));
    return warnings;
  }

  /** The threat model, built once per run: the warnings and the documents both read it. */
  private static ThreatModelView threats(Facts facts) {
    return facts.derived(ThreatModelView.class,
        f -> ThreatModelBuilder.build(f.derived(SecurityFacts.class, SecurityFacts::of)));
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(Layout.SECURITY, "security model, threat model (STRIDE), ASVS map, "
        + "authorization matrix", ContentsEntry.Group.DOCUMENT, plan.blueprint().deliverables().indexOf(id())));
  }

  private static Artifact markdown(String path, String content) {
    return new Artifact(path, content.stripTrailing() + "\n", Artifact.Kind.MARKDOWN);
  }

  static SecurityView security(SecurityFacts f) {
    SystemComponents sys = f.system();
    AccessSections access = new AccessSections(f);
    ProtectionSections protection = new ProtectionSections(f);
    OperationsSections operations = new OperationsSections(f);
    List<String> compliance = f.plan().requirements().compliance().stream().map(Object::toString).toList();
    String intro = "The security design of " + (sys.monolith() ? "a modular monolith, " + Md.code(sys.deployable())
        + ", with the modules " : "the services ") + Md.codes(sys.services().stream().map(Service::name).toList())
        + ": authentication " + Md.code(sys.authentication()) + ", authorization " + Md.code(f.choice(
        "authorization", "rbac")) + ", data protection " + Md.code(f.data().protection()) + ", compliance "
        + (compliance.isEmpty() ? "none" : Md.codes(compliance)) + ". It follows from the requirements and the "
        + "decision records; the threats are in " + Where.doc("THREAT-MODEL.md") + ", the verification "
        + "requirements in " + Where.doc("ASVS.md") + " and who may call what in " + Where.doc("AUTHZ-MATRIX.md")
        + ".";
    return new SecurityView(f.plan().requirements().project().displayTitle(), intro, access.authentication(),
        access.authorization(), access.identity(), protection.secrets(), protection.encryption(),
        protection.classification(), f.data().entityFields(), f.data().eventFields(), operations.logging(),
        operations.validation(), operations.scanning(), operations.compliance());
  }
}
