package dev.archforge.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole requirements file, format 1, after loading: defaults applied, every reference checked.
 * Lists keep the order of the file. See ../shared/spec/requirements-v1.md.
 *
 * <p>{@code decisionLocations} maps each topic under {@code decisions:} to where its choice is
 * written ({@code FILE:LINE:COLUMN}), so that a choice the plan cannot honour is reported there;
 * {@code entityLocations} maps each entity a service owns to where that service lists it, so that
 * what the run says about the entity (access it does not state) points there; {@code places} says
 * where each name is declared; {@code dataResidency} lists the jurisdictions whose users' data stays in
 * that jurisdiction's regions (empty: the data is not bound to one).
 */
public record Requirements(
    int formatVersion,
    Project project,
    Scale scale,
    List<Compliance> compliance,
    Security security,
    List<Service> services,
    List<Entity> entities,
    List<Event> events,
    Map<String, String> decisions,
    Map<String, String> decisionLocations,
    Map<String, String> entityLocations,
    String blueprint,
    Places places,
    List<Jurisdiction> dataResidency) {

  public Requirements {
    compliance = List.copyOf(compliance);
    services = NamedList.of(services, Service::name);
    entities = NamedList.of(entities, Entity::name);
    events = List.copyOf(events);
    decisions = Map.copyOf(decisions);
    decisionLocations = Map.copyOf(decisionLocations);
    entityLocations = Map.copyOf(entityLocations);
    dataResidency = List.copyOf(dataResidency);
  }

  /** Requirements without {@code dataResidency}. */
  public Requirements(int formatVersion, Project project, Scale scale, List<Compliance> compliance, Security security,
      List<Service> services, List<Entity> entities, List<Event> events, Map<String, String> decisions,
      Map<String, String> decisionLocations, Map<String, String> entityLocations, String blueprint, Places places) {
    this(formatVersion, project, scale, compliance, security, services, entities, events, decisions,
        decisionLocations, entityLocations, blueprint, places, List.of());
  }

  /** Requirements built in code, with no file behind them: every place is the file's start. */
  public Requirements(int formatVersion, Project project, Scale scale, List<Compliance> compliance, Security security,
      List<Service> services, List<Entity> entities, List<Event> events, Map<String, String> decisions,
      Map<String, String> decisionLocations, Map<String, String> entityLocations, String blueprint) {
    this(formatVersion, project, scale, compliance, security, services, entities, events, decisions,
        decisionLocations, entityLocations, blueprint, Places.NONE);
  }

  public Optional<Entity> entity(String name) {
    return ((NamedList<Entity>) entities).find(name);
  }

  public Optional<Service> service(String name) {
    return ((NamedList<Service>) services).find(name);
  }

  /** The entities a service owns, in the order the service lists them. */
  public List<Entity> ownedBy(Service service) {
    return service.entities().stream().map(n -> entity(n).orElseThrow()).toList();
  }
}
