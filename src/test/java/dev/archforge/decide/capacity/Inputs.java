package dev.archforge.decide.capacity;

import dev.archforge.load.BlueprintFixtures;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Requirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requirements and assumptions for the capacity tests, read by the real loaders. */
final class Inputs {
  static final CapacityAssumptions STANDARD = BlueprintFixtures.standardCapacity();

  private Inputs() {}

  static Requirements sample(String name) {
    return requirements(new RequirementsLoader().load(Path.of("samples", name + ".yaml")));
  }

  /** A sample with some text replaced, e.g. another budget. */
  static Requirements sample(String name, String... replacements) {
    try {
      String text = Files.readString(Path.of("samples", name + ".yaml"));
      for (int i = 0; i < replacements.length; i += 2) {
        if (!text.contains(replacements[i])) {
          throw new IllegalArgumentException("no '" + replacements[i] + "' in " + name);
        }
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      return yaml(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Requirements yaml(String text) {
    return requirements(new RequirementsLoader().load("test.yaml", text));
  }

  private static Requirements requirements(LoadResult result) {
    return result.requirements().orElseThrow(() -> new IllegalStateException(result.diagnostics().toString()));
  }

  /** Decision topic → choice, from pairs. */
  static Map<String, String> choices(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Two services: a public api that owns Item and publishes ItemCreated, and a worker that only consumes it. */
  static String apiAndWorker(String scale) {
    return """
        archforge: 1
        project:
          name: demo
        scale:
        %s
        services:
          api:
            exposure: public
            entities: [Item]
            publishes: [ItemCreated]
          worker:
            entities: [Job]
            consumes: [ItemCreated]
        entities:
          Item:
            fields:
              name: string
          Job:
            fields:
              itemId: uuid
        events:
          ItemCreated:
            fields:
              itemId: uuid
        """.formatted(scale.indent(2).stripTrailing());
  }
}
