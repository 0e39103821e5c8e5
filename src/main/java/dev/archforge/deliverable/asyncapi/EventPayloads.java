package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.Sentences;
import dev.archforge.deliverable.asyncapi.MessageView.PayloadView;
import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.deliverable.openapi.PropertyView;
import dev.archforge.deliverable.openapi.SchemaView;
import dev.archforge.model.Api;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Exposure;
import dev.archforge.model.Field;
import dev.archforge.model.IdType;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payload schema of an event, its fields mapped exactly as the OpenAPI deliverable maps an
 * entity's (type, format, length, pattern, range, enum, default, example, descriptions of decimals
 * and personal data), so that an event and a resource with the same field agree.
 *
 * <p>The OpenAPI field mapping is package-private in {@code deliverable.openapi}; its public entry
 * is the view of a REST service. So the event is presented as the only entity of a stand-in
 * service and the fields are read back from that entity's create schema, which lists every field
 * in order and nothing else. When the mapping becomes public this class calls it directly.
 */
final class EventPayloads {
  static final String SECRET = "Secret: never written to logs; consumers keep it encrypted at rest.";
  private static final String STAND_IN = "event-payloads";

  private final Plan plan;

  EventPayloads(Plan plan) {
    this.plan = plan;
  }

  PayloadView payload(Event event) {
    List<PropertyView> mapped = createSchema(event).properties();
    if (mapped.size() != event.fields().size()) {
      throw new IllegalStateException("the OpenAPI create schema of " + event.name() + " has " + mapped.size()
          + " properties for " + event.fields().size() + " fields");
    }
    List<PropertyView> properties = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < mapped.size(); i++) {
      Field f = event.fields().get(i);
      PropertyView p = mapped.get(i);
      if (!p.name().equals(f.name())) {
        throw new IllegalStateException("expected field " + f.name() + " of " + event.name() + ", got " + p.name());
      }
      properties.add(f.secret() ? withDescription(p, p.description() + " " + SECRET) : p);
      if (f.required() || f.defaultValue() != null) {
        required.add(f.name());
      }
    }
    return new PayloadView(event.name() + "Payload", description(event), properties, required);
  }

  private static String description(Event event) {
    String about = event.description() == null || event.description().isBlank()
        ? "The payload of " + event.name() + "."
        : Sentences.sentence(event.description());
    return about + " Optional properties without a value are left out. Unknown properties are refused, so a new "
        + "property means a new major version on a new channel.";
  }

  private SchemaView createSchema(Event event) {
    List<Field> fields = event.fields().stream().map(EventPayloads::notSecret).toList();
    // Descriptions then read "Order id of the order placed event."
    String entityName = event.name().endsWith("Event") ? event.name() : event.name() + "Event";
    Entity entity = new Entity(entityName, event.description(), IdType.UUID, false, false, fields, List.of());
    Service standIn = new Service(STAND_IN, null, Language.JAVA, Api.REST, Exposure.INTERNAL,
        List.of(entityName), List.of(), List.of(), List.of(), Map.of());
    Requirements r = plan.requirements();
    Requirements only = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        List.of(standIn), List.of(entity), List.of(), r.decisions(), r.decisionLocations(), r.blueprint());
    Plan standInPlan = new Plan(only, plan.blueprint(), plan.decisions(), plan.capacity(), plan.cost(), List.of(),
        List.of(), List.of());
    String name = entityName + "Create";
    return OpenApiDeliverable.view(standInPlan, standIn).components().schemas().stream()
        .filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no OpenAPI schema " + name));
  }

  /** The OpenAPI mapping makes secret fields write-only; an event carries them like any other. */
  private static Field notSecret(Field f) {
    return new Field(f.name(), f.type(), f.maxLength(), f.minLength(), f.pattern(), f.precision(), f.scale(),
        f.values(), f.required(), f.unique(), f.indexed(), f.defaultValue(), f.min(), f.max(), f.description(),
        f.pii(), false);
  }

  private static PropertyView withDescription(PropertyView p, String text) {
    return new PropertyView(p.name(), p.type(), p.format(), text, p.minLength(), p.maxLength(), p.pattern(),
        p.minimum(), p.maximum(), p.enumValues(), p.defaultValue(), p.example(), p.readOnly(), p.writeOnly(),
        p.nullable(), p.items(), p.maxItems(), p.uniqueItems());
  }
}
