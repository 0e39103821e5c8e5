package dev.archforge.deliverable.migrations;

import dev.archforge.decide.RuleDecider;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plans for the migration tests: every sample and the "every kind" file through the real loader
 * and the standard blueprint's rules, with the database (and other choices) set as a user's
 * {@code decisions:} would.
 */
final class MigrationPlans {
  static final Path EVERY_KIND = Path.of("src/test/resources/migrations/every-kind.yaml");
  /** Descriptions and defaults holding Flyway's placeholder syntax. */
  static final Path PLACEHOLDERS = Path.of("src/test/resources/migrations/placeholders.yaml");
  static final List<String> SQL_DATABASES = List.of("postgresql", "mysql");

  private static Blueprint standard;

  private MigrationPlans() {}

  /** A plan with a name for parameterized tests. */
  record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The samples and the every-kind file. */
  static List<Path> inputs() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      List<Path> list = new ArrayList<>(files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
      list.add(EVERY_KIND);
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every input decided with {@code database} set to {@code database}. */
  static List<Named> all(String database) {
    return inputs().stream().map(p -> new Named(name(p) + " on " + database, decide(p, Map.of("database", database))))
        .toList();
  }

  static String name(Path input) {
    return input.getFileName().toString().replace(".yaml", "");
  }

  static Plan decide(Path input, Map<String, String> choices) {
    return decide(load(input), choices);
  }

  static Plan decide(Requirements r, Map<String, String> choices) {
    Map<String, String> decisions = new LinkedHashMap<>(r.decisions());
    decisions.putAll(choices);
    Requirements chosen = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        r.services(), r.entities(), r.events(), decisions, r.decisionLocations(), r.entityLocations(), r.blueprint());
    return new RuleDecider().decide(chosen, standard());
  }

  static Requirements load(Path input) {
    return check(input.toString(), new RequirementsLoader().load(input));
  }

  static Requirements load(String name, String text) {
    return check(name, new RequirementsLoader().load(name, text));
  }

  private static Requirements check(String name, LoadResult loaded) {
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError(name + ": " + loaded.errors());
    }
    return loaded.requirements().orElseThrow();
  }

  static synchronized Blueprint standard() {
    if (standard == null) {
      standard = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
          .orElseThrow();
    }
    return standard;
  }
}
