package dev.archforge.deliverable.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.decide.RuleDecider;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Api;
import dev.archforge.model.Blueprint;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Plans from the shipped samples through the real loader and the standard blueprint's rules, as
 * written or with their text edited first (a service switched to another API style, an
 * authentication changed). For the GraphQL, gRPC and validator tests.
 */
public final class ApiPlans {
  private static Blueprint standard;

  private ApiPlans() {}

  /** A plan with a name for parameterized tests. */
  public record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static List<String> sampleNames() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String sample) {
    try {
      return Files.readString(Path.of("samples", sample + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Plan plan(String sample) {
    return plan(sample, UnaryOperator.identity());
  }

  /** The sample with its text edited before loading. */
  public static Plan plan(String sample, UnaryOperator<String> edit) {
    return decide(sample + ".yaml", edit.apply(text(sample)));
  }

  /** The sample with every service switched to {@code api} (graphql or grpc). */
  public static Plan allServices(String sample, String api) {
    return plan(sample, t -> switchApi(t, api));
  }

  /** Every sample with every service switched to {@code api}, plus each sample as written. */
  public static List<Named> everySample(String api) {
    List<Named> list = new ArrayList<>();
    for (String sample : sampleNames()) {
      list.add(new Named(sample, plan(sample)));
      list.add(new Named(sample + " all " + api, allServices(sample, api)));
    }
    return list;
  }

  /** Replaces each service's {@code api:}; services without one get it before {@code entities:}. */
  public static String switchApi(String text, String api) {
    String switched = text.replaceAll("(?m)^(    api:) *(rest|graphql|grpc)", "$1 " + api);
    return switched.contains("    api: ") ? switched
        : switched.replaceAll("(?m)^(    entities: )", "    api: " + api + "\n$1");
  }

  /** The plan with every service switched to {@code api}; for hand-built plans. */
  public static Plan withApi(Plan plan, Api api) {
    Requirements r = plan.requirements();
    List<Service> services = r.services().stream().map(s -> new Service(s.name(), s.description(), s.language(), api,
        s.exposure(), s.entities(), s.publishes(), s.consumes(), s.calls(), s.access())).toList();
    Requirements switched = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        services, r.entities(), r.events(), r.decisions(), r.decisionLocations(), r.entityLocations(), r.blueprint());
    return new Plan(switched, plan.blueprint(), plan.decisions(), plan.capacity(), plan.cost(), plan.assumptions(),
        plan.openQuestions(), plan.warnings());
  }

  /** The plan with other blueprint defaults. */
  public static Plan withDefaults(Plan plan, BlueprintDefaults defaults) {
    Blueprint b = plan.blueprint();
    Blueprint changed = new Blueprint(b.name(), b.description(), b.deliverables(), defaults, b.origin(), b.rules(),
        b.capacity(), b.prices(), b.ownership(), b.regions());
    return new Plan(plan.requirements(), changed, plan.decisions(), plan.capacity(), plan.cost(), plan.assumptions(),
        plan.openQuestions(), plan.warnings());
  }

  public static Plan decide(String fileName, String text) {
    LoadResult loaded = new RequirementsLoader().load(fileName, text);
    assertThat(loaded.errors()).as(text).isEmpty();
    return new RuleDecider().decide(loaded.requirements().orElseThrow(), standard());
  }

  private static synchronized Blueprint standard() {
    if (standard == null) {
      standard = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
          .orElseThrow();
    }
    return standard;
  }
}
