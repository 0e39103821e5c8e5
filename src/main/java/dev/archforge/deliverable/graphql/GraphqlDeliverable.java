package dev.archforge.deliverable.graphql;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.List;

/**
 * {@code api/<service>/schema.graphql} for every service with {@code api: graphql}: an object type
 * per owned entity, Relay connections with filters and orders, mutations with input types and
 * payloads that return errors as data, custom scalars and an {@code @auth} directive that
 * documents the roles of each type and field.
 */
public final class GraphqlDeliverable implements Deliverable {
  static final String TEMPLATE = "graphql/schema.graphql.ftl";

  @Override
  public String id() {
    return "graphql";
  }

  @Override
  public boolean supports(Plan plan) {
    return !graphqlServices(plan).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Plan plan, TemplateRenderer renderer) {
    SchemaBuilder builder = new SchemaBuilder(plan);
    return graphqlServices(plan).stream()
        .map(s -> new Artifact(path(s), renderer.render(TEMPLATE, builder.build(s)), Artifact.Kind.GRAPHQL))
        .toList();
  }

  @Override
  public List<String> warnings(Plan plan) {
    SchemaBuilder builder = new SchemaBuilder(plan);
    return graphqlServices(plan).stream().flatMap(s -> builder.warnings(s).stream()).distinct().toList();
  }

  /** The view one service's schema is rendered from; for tests and other deliverables. */
  public static SchemaView view(Plan plan, Service service) {
    return new SchemaBuilder(plan).build(service);
  }

  static String path(Service service) {
    return "api/" + service.name() + "/schema.graphql";
  }

  private static List<Service> graphqlServices(Plan plan) {
    return plan.requirements().services().stream().filter(s -> s.api() == Api.GRAPHQL).toList();
  }
}
