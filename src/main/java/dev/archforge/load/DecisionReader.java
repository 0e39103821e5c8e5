package dev.archforge.load;

import dev.archforge.model.DecisionTopic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code decisions:}: the user's word on a topic, checked against the topic's options. */
final class DecisionReader {
  private final Diagnostics diagnostics;

  DecisionReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Map<String, String> read(YamlMap root) {
    Map<String, String> result = new LinkedHashMap<>();
    root.map("decisions").ifPresent(map -> {
      map.allowOnly(DecisionTopic.ids());
      for (String id : map.keys()) {
        Optional<DecisionTopic> topic = DecisionTopic.byId(id);
        if (topic.isEmpty()) {
          continue;
        }
        map.text(id).ifPresent(choice -> {
          if (topic.get().accepts(choice)) {
            result.put(id, choice);
          } else {
            diagnostics.error(map.value(id), "'decisions." + id + "' must be one of "
                + String.join(", ", topic.get().options()) + ", not '" + choice + "'"
                + Suggestions.hint(choice, topic.get().options()));
          }
        });
      }
    });
    return result;
  }
}
