package dev.archforge.deliverable.openapi;

import dev.archforge.decide.RuleDecider;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plans of the shipped samples ({@code samples/*.yaml}), through the real loader and decider. */
final class SamplePlans {
  private SamplePlans() {}

  static List<PlanFixtures.Named> all() {
    Blueprint blueprint = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of("."))
        .blueprint().orElseThrow();
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
        LoadResult loaded = new RequirementsLoader().load(p);
        if (!loaded.errors().isEmpty()) {
          throw new AssertionError(p + " does not load: " + loaded.errors());
        }
        Plan plan = new RuleDecider().decide(loaded.requirements().orElseThrow(), blueprint);
        return new PlanFixtures.Named("sample " + p.getFileName().toString().replace(".yaml", ""), plan);
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
