package dev.archforge.deliverable.openapi;

import dev.archforge.deliverable.LastPlan;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The API views of the plan last asked about, each built once: the warnings, the documents and the
 * security deliverable's authorisation matrix all read them.
 */
final class ApiViews {
  private static final LastPlan<Map<Service, ApiView>> VIEWS =
      new LastPlan<>(plan -> Collections.synchronizedMap(new IdentityHashMap<>()));

  private ApiViews() {}

  static ApiView of(Plan plan, Service service) {
    return VIEWS.of(plan).computeIfAbsent(service, s -> new ApiViewBuilder(plan).build(s));
  }
}
