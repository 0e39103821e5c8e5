package dev.archforge.deliverable.openapi;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.List;

/**
 * {@code api/<service>/openapi.yaml} for every service with {@code api: rest}: an OpenAPI 3.0.3
 * contract with one resource per owned entity, cursor-paged lists, merge-patch updates (conditional,
 * with ETag and If-Match, for versioned resources), problem details, rate-limit headers on every
 * response, CORS for public services, a bound on every string, number and array ({@link Limits}) and
 * the security the plan chose. The tests hold the documents to Spectral's OpenAPI and OWASP rules
 * ({@code src/test/node/.spectral.yaml}).
 */
public final class OpenApiDeliverable implements Deliverable {
  static final String TEMPLATE = "openapi/openapi.yaml.ftl";

  @Override
  public String id() {
    return "openapi";
  }

  @Override
  public boolean supports(Plan plan) {
    return !restServices(plan).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Plan plan, TemplateRenderer renderer) {
    return restServices(plan).stream()
        .map(s -> new Artifact(path(s), renderer.render(TEMPLATE, ApiViews.of(plan, s)), Artifact.Kind.OPENAPI))
        .toList();
  }

  @Override
  public List<String> warnings(Plan plan) {
    ApiViewBuilder builder = new ApiViewBuilder(plan);
    return restServices(plan).stream().flatMap(s -> builder.warnings(s).stream()).distinct().toList();
  }

  /** The view one service's document is rendered from; for tests and other deliverables. */
  public static ApiView view(Plan plan, Service service) {
    return ApiViews.of(plan, service);
  }

  static String path(Service service) {
    return "api/" + service.name() + "/openapi.yaml";
  }

  private static List<Service> restServices(Plan plan) {
    return plan.requirements().services().stream().filter(s -> s.api() == Api.REST).toList();
  }
}
