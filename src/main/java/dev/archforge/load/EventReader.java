package dev.archforge.load;

import dev.archforge.model.Event;
import dev.archforge.model.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code events:}: each event with the fields of its payload. */
final class EventReader {
  private static final double MAX_RATE = 10_000_000;
  private final Diagnostics diagnostics;
  private final Declarations declarations;
  private final FieldReader fields;

  EventReader(Diagnostics diagnostics, Declarations declarations) {
    this.diagnostics = diagnostics;
    this.declarations = declarations;
    this.fields = new FieldReader(diagnostics);
  }

  List<Event> read(YamlMap root) {
    List<Event> result = new ArrayList<>();
    root.map("events").ifPresent(events -> {
      for (String name : events.keys()) {
        Node key = events.keyNode(name);
        if (!Names.EVENT.check(name, key, "event", diagnostics)) {
          continue;
        }
        declarations.events.put(name, key);
        Node value = events.value(name);
        if (value == null) {
          diagnostics.error(key, "event '" + name + "' needs 'fields': the payload it carries");
          continue;
        }
        YamlMap.open(value, "events." + name, diagnostics).ifPresent(map -> result.add(event(name, map, key)));
      }
    });
    return result;
  }

  private Event event(String name, YamlMap map, Node key) {
    map.allowOnly(List.of("description", "fields", "ratePerSecond"));
    Double rate = ratePerSecond(map);
    List<Field> list = new ArrayList<>();
    map.map("fields").ifPresent(fieldMap -> {
      for (String fieldName : fieldMap.keys()) {
        Node fieldKey = fieldMap.keyNode(fieldName);
        Node value = fieldMap.value(fieldName);
        if (!Names.FIELD.check(fieldName, fieldKey, "field", diagnostics)) {
          continue;
        }
        if (value == null) {
          diagnostics.error(fieldKey, "field '" + fieldName + "' needs a type, e.g. " + fieldName + ": string");
          continue;
        }
        declarations.members.put(name + "." + fieldName, fieldKey);
        fields.read(fieldName, value, fieldMap.path(fieldName)).ifPresent(list::add);
      }
    });
    if (list.isEmpty()) {
      diagnostics.error(key, "event '" + name + "' has no fields");
    }
    return new Event(name, map.text("description").orElse(null), list, rate);
  }

  /** The stated peak rate: a number above 0 and at most 10 million per second. */
  private Double ratePerSecond(YamlMap map) {
    Optional<BigDecimal> rate = map.number("ratePerSecond");
    if (rate.isEmpty()) {
      return null;
    }
    double value = rate.get().doubleValue();
    if (value <= 0 || value > MAX_RATE) {
      diagnostics.error(map.value("ratePerSecond"), "'" + map.path("ratePerSecond")
          + "' must be above 0 and at most 10000000 events per second at peak, not " + rate.get().toPlainString()
          + " (for an event that happens a few times a month, write e.g. 0.01)");
      return null;
    }
    return value;
  }
}
