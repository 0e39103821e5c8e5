package dev.archforge.deliverable.openapi;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.facts.api.ApiViews;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code api/<service>/openapi.yaml} for every service with {@code api: rest}: an OpenAPI 3.0.3
 * contract with one resource per owned entity, cursor-paged lists, merge-patch updates (conditional,
 * with ETag and If-Match, for versioned resources), problem details, rate-limit headers on every
 * response, CORS for public services, a bound on every string, number and array and the security
 * the plan chose; the views come from the run's facts ({@link ApiViews}). The tests hold the
 * documents to Spectral's OpenAPI and OWASP rules ({@code src/test/node/.spectral.yaml}).
 */
public final class OpenApiDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = SharedKinds.OPENAPI;
  static final String TEMPLATE = "openapi/openapi.yaml.ftl";
  private static final Pattern PATH = Pattern.compile("api/[^/]+/openapi\\.yaml");

  @Override
  public boolean isContract() {
    return true;
  }

  @Override
  public String id() {
    return "openapi";
  }

  @Override
  public boolean supports(Facts facts) {
    return !facts.apis().restServices().isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    ApiViews apis = facts.apis();
    return apis.restServices().stream()
        .map(s -> new Artifact(Layout.openApi(s.name()), renderer.render(TEMPLATE, apis.of(s)), KIND))
        .toList();
  }

  @Override
  public List<String> warnings(Facts facts) {
    ApiViews apis = facts.apis();
    return apis.restServices().stream().flatMap(s -> apis.warnings(s).stream()).distinct().toList();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return PATH.matcher(path).matches() ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new OpenApiValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return ContentsEntry.contracts(plan, Api.REST, s -> Layout.openApi(s.name()), "OpenAPI 3.0.3 contract, validated by "
        + "swagger-parser and the OpenAPI JSON Schema");
  }

}
