package dev.archforge.testing;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.capacity.CapacityDeliverable;
import dev.archforge.deliverable.docker.DockerDeliverable;
import dev.archforge.deliverable.k8s.KubernetesDeliverable;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Cloud;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Project;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.model.Team;
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
import java.util.stream.Stream;

/**
 * Plans for the runtime deliverables (docker, kubernetes): every sample through the real loader and
 * decider of the standard blueprint, as decided and with the choices that change the runtime
 * overridden (style, deployment, database, cache, broker, secrets, availability).
 */
public final class RuntimePlans {
  private static Blueprint standard;

  private RuntimePlans() {}

  /** A plan with a name for parameterized tests. */
  public record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Choices layered over a sample's own {@code decisions:}, by a name for test reports. */
  public static Map<String, Map<String, String>> variants() {
    Map<String, Map<String, String>> v = new LinkedHashMap<>();
    v.put("as decided", Map.of());
    v.put("microservices", Map.of("architecture-style", "microservices"));
    v.put("monolith", Map.of("architecture-style", "modular-monolith"));
    v.put("microservices, mysql, rabbitmq, redis, vault", Map.of("architecture-style", "microservices",
        "database", "mysql", "messaging", "rabbitmq", "caching", "redis", "secrets", "vault"));
    v.put("microservices, mongodb, kafka, k8s secrets", Map.of("architecture-style", "microservices",
        "database", "mongodb", "messaging", "kafka", "secrets", "kubernetes-secrets", "api-gateway", "none"));
    v.put("microservices, cassandra, cloud pub/sub, cloud secrets", Map.of("architecture-style", "microservices",
        "database", "cassandra", "messaging", "cloud-pubsub", "secrets", "cloud-secret-manager"));
    v.put("monolith, dynamodb, cdn and redis", Map.of("architecture-style", "modular-monolith",
        "database", "dynamodb", "caching", "cdn-and-redis"));
    return v;
  }

  public static List<Path> samples() {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sample as decided. */
  public static List<Named> samplesAsDecided() {
    return samples().stream().map(s -> new Named(name(s), decide(s, Map.of()))).toList();
  }

  /** Every sample with every variant. */
  public static List<Named> samplesAndVariants() {
    List<Named> list = new ArrayList<>();
    for (Path sample : samples()) {
      variants().forEach((variant, choices) -> list.add(new Named(name(sample) + " " + variant,
          decide(sample, choices))));
    }
    return list;
  }

  public static Plan decide(Path sample, Map<String, String> choices) {
    return decide(load(sample), choices);
  }

  /** The sample on another cloud, with these choices. */
  public static Plan decide(Path sample, Cloud cloud, Map<String, String> choices) {
    Requirements r = load(sample);
    Project p = r.project();
    Project project = new Project(p.name(), p.title(), p.description(), p.domain(), cloud, p.team(), p.budget());
    return decide(new Requirements(r.formatVersion(), project, r.scale(), r.compliance(), r.security(), r.services(),
        r.entities(), r.events(), r.decisions(), r.decisionLocations(), r.entityLocations(), r.blueprint()), choices);
  }

  /** The e-commerce sample with every service (and the team) in one language. */
  public static Plan ecommerceIn(Language language, Map<String, String> choices) {
    Requirements r = load(Path.of("samples/ecommerce.yaml"));
    Project p = r.project();
    Project project = new Project(p.name(), p.title(), p.description(), p.domain(), p.cloud(),
        new Team(p.team().size(), List.of(language)), p.budget());
    List<Service> services = r.services().stream().map(s -> new Service(s.name(), s.description(), language, s.api(),
        s.exposure(), s.entities(), s.publishes(), s.consumes(), s.calls(), s.access())).toList();
    return decide(new Requirements(r.formatVersion(), project, r.scale(), r.compliance(), r.security(), services,
        r.entities(), r.events(), r.decisions(), r.decisionLocations(), r.entityLocations(), r.blueprint()), choices);
  }

  private static Requirements load(Path sample) {
    LoadResult loaded = new RequirementsLoader().load(sample);
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError(sample + ": " + loaded.errors());
    }
    return loaded.requirements().orElseThrow();
  }

  /** Kubernetes unless the choices or the sample name another runtime: these plans are for its manifests. */
  private static Plan decide(Requirements r, Map<String, String> choices) {
    Map<String, String> decisions = new LinkedHashMap<>(r.decisions());
    decisions.putAll(choices);
    decisions.putIfAbsent("deployment", "kubernetes");
    Requirements chosen = new Requirements(r.formatVersion(), r.project(), r.scale(), r.compliance(), r.security(),
        r.services(), r.entities(), r.events(), decisions, r.decisionLocations(), r.entityLocations(), r.blueprint());
    return new RuleDecider().decide(chosen, standard());
  }

  /** What the runtime consistency rules read: CAPACITY.md, the docker and the kubernetes artifacts. */
  public static List<Artifact> render(Plan plan) {
    TemplateRenderer renderer = new TemplateRenderer(List.of());
    List<Artifact> artifacts = new ArrayList<>(new CapacityDeliverable().contribute(Facts.of(plan), renderer));
    for (Deliverable d : List.of(new DockerDeliverable(), new KubernetesDeliverable())) {
      if (d.supports(Facts.of(plan))) {
        artifacts.addAll(d.contribute(Facts.of(plan), renderer));
      }
    }
    return artifacts;
  }

  /** Writes the artifacts under {@code dir} as the workspace writer would. */
  public static void write(List<Artifact> artifacts, Path dir) {
    try {
      for (Artifact a : artifacts) {
        Path file = dir.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec's e-commerce sample as decided. */
  public static Plan ecommerce(Map<String, String> choices) {
    return decide(Path.of("samples/ecommerce.yaml"), choices);
  }

  private static String name(Path sample) {
    return sample.getFileName().toString().replace(".yaml", "");
  }

  private static synchronized Blueprint standard() {
    if (standard == null) {
      standard = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
          .orElseThrow();
    }
    return standard;
  }
}
