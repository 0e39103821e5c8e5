package dev.archforge.testing;

import dev.archforge.decide.RuleDecider;
import dev.archforge.load.BlueprintLoader;
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
import java.util.List;
import java.util.stream.Stream;

/**
 * Plans of the shipped samples through the real loader and decider, on the standard blueprint.
 * {@link #plan} also lists the security and observability deliverables in the blueprint when the
 * pipeline does not register them yet, so their documents link to each other as they will.
 */
public final class SamplePlans {
  public static final List<String> EXTRA = List.of("security", "observability");

  private SamplePlans() {}

  /** Every {@code samples/*.yaml}, sorted. */
  public static List<Path> samples() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String name(Path sample) {
    return sample.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  public static Requirements requirements(Path sample) {
    return new RequirementsLoader().load(sample).requirements()
        .orElseThrow(() -> new AssertionError(sample + " does not load"));
  }

  public static Blueprint blueprint() {
    List<String> ids = new ArrayList<>(Pipeline.deliverableIds());
    EXTRA.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    Blueprint b = new BlueprintLoader(ids).load("standard", Path.of(".")).blueprint().orElseThrow();
    List<String> deliverables = new ArrayList<>(b.deliverables());
    EXTRA.stream().filter(id -> !deliverables.contains(id)).forEach(deliverables::add);
    return b.withDeliverables(deliverables);
  }

  public static Plan plan(Path sample) {
    return new RuleDecider().decide(requirements(sample), blueprint());
  }

  /** The plan of a sample deployed on Kubernetes, for the checks of its manifests. */
  public static Plan onKubernetes(Path sample) {
    return deployedOn(sample, null, "kubernetes");
  }

  /**
   * The plan of a sample with {@code decisions: {deployment: ...}}, on another cloud
   * ({@code project.cloud}) unless {@code cloud} is null; edited as text, so every other key stays.
   */
  public static Plan deployedOn(Path sample, String cloud, String deployment) {
    String text;
    try {
      text = Files.readString(sample);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cloud != null) {
      text = text.contains("\n  cloud: ") ? text.replaceFirst("(?m)^  cloud: \\S+", "  cloud: " + cloud)
          : text.replaceFirst("(?m)^project:\n", "project:\n  cloud: " + cloud + "\n");
    }
    text = text.replaceAll("(?m)^  deployment: .*\n", "");
    text = text.contains("\ndecisions:") ? text.replaceFirst("(?m)^decisions:.*\n", "decisions:\n  deployment: "
        + deployment + "\n") : text + "\ndecisions:\n  deployment: " + deployment + "\n";
    var loaded = new RequirementsLoader().load(sample.toString(), text);
    return plan(loaded.requirements().orElseThrow(() -> new AssertionError(sample + " does not load with "
        + cloud + "/" + deployment + ": " + loaded.errors())));
  }

  /** The plan of a sample after changing its requirements, e.g. to try another decision. */
  public static Plan plan(Requirements requirements) {
    return new RuleDecider().decide(requirements, blueprint());
  }
}
