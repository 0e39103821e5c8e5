package dev.archforge.facts.api;

import dev.archforge.model.Api;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API views of one plan's REST services, each built once: the OpenAPI documents, their
 * warnings and the authorisation matrix all read them.
 */
public final class ApiViews {
  private final Plan plan;
  private final ApiViewBuilder builder;
  private final Map<Service, ApiView> views = new IdentityHashMap<>();

  public ApiViews(Plan plan) {
    this.plan = plan;
    this.builder = new ApiViewBuilder(plan);
  }

  /** The services with {@code api: rest}, in the requirements' order. */
  public List<Service> restServices() {
    return plan.requirements().services().stream().filter(s -> s.api() == Api.REST).toList();
  }

  /** The view one service's OpenAPI document is rendered from. */
  public synchronized ApiView of(Service service) {
    return views.computeIfAbsent(service, builder::build);
  }

  /** What one service's contract could not express as the plan asks. */
  public List<String> warnings(Service service) {
    return builder.warnings(service, of(service));
  }
}
