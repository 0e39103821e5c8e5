package dev.archforge.deliverable.graphql;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code api/<service>/schema.graphql} for every service with {@code api: graphql}: an object type
 * per owned entity, Relay connections with filters and orders, mutations with input types and
 * payloads that return errors as data, custom scalars and an {@code @auth} directive that
 * documents the roles of each type and field.
 */
public final class GraphqlDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = SharedKinds.GRAPHQL;
  static final String TEMPLATE = "graphql/schema.graphql.ftl";
  private static final Pattern PATHS = Pattern.compile("api/[^/]+/[^/]+\\.graphql");

  @Override
  public boolean isContract() {
    return true;
  }

  @Override
  public String id() {
    return "graphql";
  }

  @Override
  public boolean supports(Facts facts) {
    Plan plan = facts.plan();
    return !graphqlServices(plan).isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    SchemaBuilder builder = new SchemaBuilder(plan);
    return graphqlServices(plan).stream()
        .map(s -> new Artifact(path(s), renderer.render(TEMPLATE, builder.build(s)), GraphqlDeliverable.KIND))
        .toList();
  }

  @Override
  public List<String> warnings(Facts facts) {
    Plan plan = facts.plan();
    SchemaBuilder builder = new SchemaBuilder(plan);
    return graphqlServices(plan).stream().flatMap(s -> builder.warnings(s).stream()).distinct().toList();
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return PATHS.matcher(path).matches() ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new GraphqlValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return ContentsEntry.contracts(plan, Api.GRAPHQL, GraphqlDeliverable::path, "GraphQL schema, validated by graphql-java");
  }


  /** The view one service's schema is rendered from; for tests. */
  public static SchemaView view(Plan plan, Service service) {
    return new SchemaBuilder(plan).build(service);
  }

  static String path(Service service) {
    return Layout.graphql(service.name());
  }

  private static List<Service> graphqlServices(Plan plan) {
    return plan.requirements().services().stream().filter(s -> s.api() == Api.GRAPHQL).toList();
  }
}
