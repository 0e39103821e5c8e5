package dev.archforge.deliverable.catalog;

import dev.archforge.deliverable.catalog.CatalogView.Api;
import dev.archforge.deliverable.catalog.CatalogView.Component;
import dev.archforge.deliverable.catalog.CatalogView.Entity;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.SystemModel;
import dev.archforge.facts.deploy.SystemModel.Kind;
import dev.archforge.model.Plan;
import dev.archforge.model.Project;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the catalog of a plan: the System (the project), a Component per deployable, an API per
 * contract the run writes (OpenAPI, GraphQL, proto, AsyncAPI) and a Resource per database, the
 * cache and the broker of the shared {@link SystemModel}. Owners come from {@code project.owner}
 * and {@code services.<svc>.owner}; a modular monolith's one Component is the project owner's.
 */
final class CatalogViews {
  private CatalogViews() {}

  static CatalogView of(Facts facts) {
    Plan plan = facts.plan();
    Project project = plan.requirements().project();
    String system = project.name();
    String owner = project.ownerOrDefault();
    SystemModel model = facts.systemModel();
    List<String> deliverables = plan.blueprint().deliverables();

    Map<String, Api> apiOf = new LinkedHashMap<>();
    for (Service s : plan.requirements().services()) {
      String[] contract = switch (s.api()) {
        case REST -> new String[] {"openapi", "openapi", Layout.openApi(s.name())};
        case GRAPHQL -> new String[] {"graphql", "graphql", Layout.graphql(s.name())};
        case GRPC -> new String[] {"grpc", "grpc", Layout.proto(s.name())};
      };
      if (deliverables.contains(contract[0])) {
        apiOf.put(s.name(), new Api(s.name() + "-api", "The " + SystemModel.protocol(s.api()) + " API of " + s.name()
            + (s.description() == null ? "" : ": " + s.description()), contract[1], s.ownerOr(project), system,
            "./" + contract[2]));
      }
    }
    Api events = deliverables.contains("asyncapi") && !facts.messaging().channels().isEmpty()
        ? new Api(system + "-events", "The events of " + project.displayTitle() + " on the broker (AsyncAPI)",
            "asyncapi", owner, system, "./" + Layout.ASYNCAPI) : null;

    List<Entity> resources = new ArrayList<>();
    for (SystemModel.Element e : model.elements()) {
      if (e.kind() != Kind.DEPLOYABLE) {
        resources.add(new Entity(resourceName(system, e), e.name(), e.description() + " (" + e.technology() + ")",
            switch (e.kind()) {
              case DATABASE -> "database";
              case CACHE -> "cache";
              default -> "message-broker";
            }, owner, system));
      }
    }

    boolean monolith = Deployables.monolith(plan);
    List<Component> components = new ArrayList<>();
    for (Deployable d : facts.deployables()) {
      List<Service> modules = plan.requirements().services().stream().filter(s -> d.modules().contains(s.name()))
          .toList();
      List<String> provides = new ArrayList<>();
      modules.stream().map(s -> apiOf.get(s.name())).filter(a -> a != null).forEach(a -> provides.add(a.name()));
      List<String> consumes = new ArrayList<>();
      for (String callee : d.calls()) {
        Api api = apiOf.get(callee);
        if (api != null && !consumes.contains(api.name())) {
          consumes.add(api.name());
        }
      }
      if (events != null && modules.stream().anyMatch(s -> !s.publishes().isEmpty())) {
        provides.add(events.name());
      }
      if (events != null && modules.stream().anyMatch(s -> !s.consumes().isEmpty())) {
        consumes.add(events.name());
      }
      List<String> dependsOn = new ArrayList<>();
      for (SystemModel.Relation rel : model.relations()) {
        String resource = rel.from().equals(d.name()) ? rel.to() : rel.to().equals(d.name()) ? rel.from() : null;
        model.elements().stream().filter(e -> e.key().equals(resource) && e.kind() != Kind.DEPLOYABLE)
            .map(e -> "resource:" + resourceName(system, e)).filter(r -> !dependsOn.contains(r))
            .forEach(dependsOn::add);
      }
      String description = modules.isEmpty() ? "The backend for frontend of " + project.displayTitle() + ": it "
          + "composes the calls of the web and mobile clients to " + String.join(", ", d.calls())
          : monolith ? "The modular monolith of " + project.displayTitle() + ": "
          + String.join(", ", d.modules()) : modules.get(0).description() == null ? "The " + d.name() + " service"
          : modules.get(0).description();
      List<String> tags = new ArrayList<>(List.of(d.language().spelling()));
      modules.stream().map(s -> s.api().spelling()).filter(t -> !tags.contains(t)).forEach(tags::add);
      components.add(new Component(d.name(), description, monolith || modules.isEmpty() ? owner : modules.get(0).ownerOr(project), system,
          tags, provides, consumes, dependsOn));
    }
    List<Api> apis = new ArrayList<>(apiOf.values());
    if (events != null) {
      apis.add(events);
    }
    return new CatalogView(new Entity(system, project.displayTitle(), project.description() == null
        ? "The system " + project.displayTitle() : project.description(), "", owner, system),
        components, apis, resources);
  }

  /** {@code orders-db}, {@code shop-cache}, {@code shop-broker}. */
  static String resourceName(String system, SystemModel.Element e) {
    return switch (e.kind()) {
      case DATABASE -> e.key().substring(3) + "-db";
      case CACHE -> system + "-cache";
      default -> system + "-broker";
    };
  }
}
