package dev.archforge.deliverable.security;

import dev.archforge.model.Cloud;
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
  private final String keys;

  DataClassification(Plan plan, SystemComponents system) {
    this.protection = SystemComponents.choice(plan, "data-protection", "baseline");
    this.keys = keyService(SystemComponents.choice(plan, "secrets", "kubernetes-secrets"), system.cloud());
    for (Service s : system.services()) {
      String store = system.storeOf(s).map(SystemComponents.Store::name).orElse("no database");
      for (Entity e : plan.requirements().ownedBy(s)) {
        for (Field f : e.fields()) {
          if (f.pii() || f.secret()) {
            entityFields.add(new SecurityView.FieldRow(e.name(), f.name(), f.type().spelling(), s.name(), store,
                f.pii(), f.secret(), level(f), stored(f), api(f), f.secret() ? "never" : "masked"));
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
    return keys;
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
    return !protection.equals("baseline");
  }

  private static String level(Field f) {
    if (f.secret()) {
      return f.pii() ? "Secret, personal" : "Secret";
    }
    return "Personal";
  }

  private String stored(Field f) {
    String lookup = f.unique() || f.indexed()
        ? "; a keyed hash (HMAC-SHA-256) beside it serves the " + (f.unique() ? "unique constraint" : "index")
            + " and lookups" : "";
    if (f.secret()) {
      return "field-level encryption (AES-256-GCM, key in " + keys + ")" + lookup;
    }
    return switch (protection) {
      case "regulated", "pii-protection" -> "field-level encryption (AES-256-GCM, key in " + keys + ")" + lookup;
      default -> "storage encryption only (data-protection is baseline)";
    };
  }

  private static String api(Field f) {
    if (f.secret()) {
      return "write-only: never returned";
    }
    return "returned to allowed roles; masked in logs";
  }

  static String keyService(String secrets, Cloud cloud) {
    if (secrets.equals("vault")) {
      return "Vault's transit engine";
    }
    return switch (cloud) {
      case AWS -> "AWS KMS";
      case GCP -> "Cloud KMS";
      case AZURE -> "Azure Key Vault";
      case ANY -> "the cloud's KMS";
    };
  }
}
