package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.decide.RuleDecider;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plans from the shipped samples, through the real loader and decider, and variants of them whose
 * {@code decisions:} (and cloud) are changed in the YAML text before loading.
 */
public final class AsyncApiPlans {
  private static final YAMLMapper YAML = new YAMLMapper();

  private AsyncApiPlans() {}

  /** A plan and the name it is shown under in test reports. */
  public record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every sample under {@code samples/}, by file name. */
  public static List<Path> samples() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The samples that publish events, as the rules and the sample's own decisions plan them. */
  public static List<Named> publishingSamples() {
    List<Named> plans = new ArrayList<>();
    for (Path sample : samples()) {
      Plan plan = plan(sample.getFileName().toString(), read(sample));
      if (new AsyncApiDeliverable().supports(Facts.of(plan))) {
        plans.add(new Named(sample.getFileName().toString(), plan));
      }
    }
    return plans;
  }

  /**
   * Every publishing sample under each messaging choice: kafka, rabbitmq, cloud-pubsub on each
   * cloud, and none (with architecture-style modular-monolith, which none requires).
   */
  public static List<Named> messagingVariants() {
    List<Named> plans = new ArrayList<>();
    for (Path sample : samples()) {
      String name = sample.getFileName().toString();
      String text = read(sample);
      if (!new AsyncApiDeliverable().supports(Facts.of(plan(name, text)))) {
        continue;
      }
      plans.add(variant(name, text, "kafka", null, Map.of("messaging", "kafka")));
      plans.add(variant(name, text, "rabbitmq", null, Map.of("messaging", "rabbitmq")));
      for (String cloud : List.of("aws", "gcp", "azure", "any")) {
        plans.add(variant(name, text, "cloud-pubsub on " + cloud, cloud, Map.of("messaging", "cloud-pubsub")));
      }
      Map<String, String> monolith = new LinkedHashMap<>();
      monolith.put("messaging", "none");
      monolith.put("architecture-style", "modular-monolith");
      plans.add(variant(name, text, "none", null, monolith));
    }
    return plans;
  }

  public static Named variant(String sample, String text, String label, String cloud, Map<String, String> decisions) {
    // on Kubernetes unless the decisions name another runtime: the coherence rules these plans feed read its manifests
    Map<String, String> chosen = new java.util.LinkedHashMap<>(decisions);
    chosen.putIfAbsent("deployment", "kubernetes");
    String changed = withDecisions(cloud == null ? text : withCloud(text, cloud), chosen);
    return new Named(sample + " [" + label + "]", plan(sample, changed));
  }

  /** A sample by file name, e.g. {@code ecommerce.yaml}. */
  public static String sampleText(String name) {
    return read(Path.of("samples", name));
  }

  public static Plan plan(String name, String text) {
    LoadResult loaded = new RequirementsLoader().load(name, text);
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError(name + " does not load: " + loaded.errors());
    }
    return new RuleDecider().decide(loaded.requirements().orElseThrow(), blueprint());
  }

  public static Blueprint blueprint() {
    return new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();
  }

  /** The document of a plan, rendered with the real renderer. */
  public static Artifact render(Plan plan) {
    List<Artifact> artifacts = new AsyncApiDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
    if (artifacts.size() != 1) {
      throw new AssertionError("expected one document, got " + artifacts.size());
    }
    return artifacts.get(0);
  }

  public static JsonNode tree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with each topic set under {@code decisions:}, replacing a choice already there. */
  static String withDecisions(String text, Map<String, String> decisions) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("decisions:\\s*(#.*)?")) {
        start = i;
      }
    }
    if (start < 0) {
      lines.add("decisions:");
      start = lines.size() - 1;
    }
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" ")
        || lines.get(end).startsWith("#"))) {
      end++;
    }
    for (Map.Entry<String, String> d : decisions.entrySet()) {
      String line = "  " + d.getKey() + ": " + d.getValue();
      int at = -1;
      for (int i = start + 1; i < end; i++) {
        if (lines.get(i).startsWith("  " + d.getKey() + ":")) {
          at = i;
        }
      }
      if (at >= 0) {
        lines.set(at, line);
      } else {
        lines.add(start + 1, line);
        end++;
      }
    }
    return String.join("\n", lines);
  }

  /** The text with {@code project.cloud} set. */
  static String withCloud(String text, String cloud) {
    Matcher m = Pattern.compile("(?m)^  cloud:.*$").matcher(text);
    if (m.find()) {
      return m.replaceFirst("  cloud: " + cloud);
    }
    return text.replaceFirst("(?m)^project:\\s*$", "project:\n  cloud: " + cloud);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
