package dev.archforge.deliverable.security;

import dev.archforge.facts.schema.FieldProtection;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every field marked {@code pii} or {@code secret}, by entity and by event, with how the plan's
 * data-protection and secrets decisions protect it.
 */
final class DataClassification {
  private final List<SecurityView.FieldRow> entityFields = new ArrayList<>();
  private final List<SecurityView.EventRow> eventFields = new ArrayList<>();
  private final String protection;
  private final FieldProtection storage;

  DataClassification(Plan plan, FieldProtection storage, SystemComponents system) {
    this.protection = SystemComponents.choice(plan, "data-protection", "baseline");
    this.storage = storage;
    for (Service s : system.services()) {
      String store = system.storeOf(s).map(SystemComponents.Store::name).orElse("no database");
      for (Entity e : plan.requirements().ownedBy(s)) {
        for (Field f : e.fields()) {
          if (f.pii() || f.secret()) {
            entityFields.add(new SecurityView.FieldRow(e.name(), f.name(), f.type().spelling(), s.name(), store,
                f.pii(), f.secret(), level(f), storage.atRest(f), api(f), f.secret() ? "never" : "masked"));
          }
        }
      }
    }
    for (SystemComponents.EventFlow flow : system.events()) {
      Event e = flow.event();
      for (Field f : e.fields()) {
        if (f.pii() || f.secret()) {
          eventFields.add(new SecurityView.EventRow(e.name(), f.name(), level(f),
              flow.publishers().stream().map(Service::name).toList(),
              flow.consumers().stream().map(Service::name).toList()));
        }
      }
    }
  }

  List<SecurityView.FieldRow> entityFields() {
    return List.copyOf(entityFields);
  }

  List<SecurityView.EventRow> eventFields() {
    return List.copyOf(eventFields);
  }

  String protection() {
    return protection;
  }

  /** Where field-level encryption keys live, per the secrets decision and the cloud. */
  String keys() {
    return storage.keyService();
  }

  boolean hasPii() {
    return entityFields.stream().anyMatch(f -> f.pii())
        || eventFields.stream().anyMatch(f -> f.level().contains("ersonal"));
  }

  boolean hasSecrets() {
    return entityFields.stream().anyMatch(f -> f.secret());
  }

  /** The classified fields of the entities a store holds, as {@code Entity.field}. */
  List<String> fieldsIn(SystemComponents.Store store) {
    List<String> names = store.entities().stream().map(Entity::name).toList();
    return entityFields.stream().filter(f -> names.contains(f.entity())).map(f -> f.entity() + "." + f.field())
        .toList();
  }

  List<String> secretFieldsOf(Service service) {
    return entityFields.stream().filter(f -> f.service().equals(service.name()) && f.secret())
        .map(f -> f.entity() + "." + f.field()).toList();
  }

  List<String> piiFieldsOf(Service service) {
    return entityFields.stream().filter(f -> f.service().equals(service.name()) && f.pii())
        .map(f -> f.entity() + "." + f.field()).toList();
  }

  Optional<List<String>> eventFieldsOf(String event) {
    List<String> list = eventFields.stream().filter(f -> f.event().equals(event)).map(SecurityView.EventRow::field)
        .toList();
    return list.isEmpty() ? Optional.empty() : Optional.of(list);
  }

  /** Whether personal fields are encrypted field by field (not only by the disk). */
  boolean fieldLevelPii() {
    return storage.fieldLevelPii();
  }

  private static String level(Field f) {
    if (f.secret()) {
      return f.pii() ? "Secret, personal" : "Secret";
    }
    return "Personal";
  }

  private static String api(Field f) {
    if (f.secret()) {
      return "write-only: never returned";
    }
    return "returned to allowed roles; masked in logs";
  }
}
