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

  /** Where each choice is written, {@code FILE:LINE:COLUMN}, filled by {@link #read}. */
  final Map<String, String> locations = new LinkedHashMap<>();

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
            var mark = map.value(id).getStartMark();
            locations.put(id, diagnostics.file() + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1));
          } else if (topic.get().options().isEmpty()) {
            diagnostics.error(map.value(id), "'decisions." + id + "' must name an option of the blueprint's rules "
                + "in kebab-case (e.g. for the standard blueprint see 'archforge explain FILE " + id + "'), not '"
                + (choice.length() > 40 ? choice.substring(0, 40) + "…" : choice) + "'; write reasons as a comment");
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
