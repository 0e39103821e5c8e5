package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.asyncapi.MessageView.PayloadView;
import dev.archforge.facts.Sentences;
import dev.archforge.facts.api.FieldSchemas;
import dev.archforge.facts.api.PropertyView;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.IdType;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload schema of an event, its fields mapped exactly as the OpenAPI deliverable maps an
 * entity's (type, format, length, pattern, range, enum, default, example, descriptions of decimals
 * and personal data), so that an event and a resource with the same field agree.
 *
 * <p>The event is presented to the mapping as an entity named after it, so descriptions read
 * "Order id of the order placed event."
 */
final class EventPayloads {
  static final String SECRET = "Secret: never written to logs; consumers keep it encrypted at rest.";

  private final FieldSchemas fieldSchemas;

  EventPayloads(Plan plan) {
    this.fieldSchemas = new FieldSchemas(plan.blueprint().defaults());
  }

  PayloadView payload(Event event) {
    String entityName = event.name().endsWith("Event") ? event.name() : event.name() + "Event";
    Entity asEntity = new Entity(entityName, event.description(), IdType.UUID, false, false, event.fields(),
        List.of());
    List<PropertyView> properties = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (Field f : event.fields()) {
      // the OpenAPI mapping makes secret fields write-only; an event carries them like any other
      PropertyView p = fieldSchemas.field(asEntity, notSecret(f));
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
