package dev.archforge.deliverable.decisions;

import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every component a decision record in force names runs in every
 * runtime the workspace writes (Compose on a laptop, the Kubernetes base, the managed-container
 * descriptors of ECS, Cloud Run or Container Apps). The gateway is a Gateway in the cluster and a
 * public entry on managed containers (a load balancer target, Cloud Run's public ingress, a Container
 * App's external ingress), and on managed containers the edge is the one the record decides: under
 * {@code gateway-and-bff} the BFF's descriptor alone takes public traffic, and on ECS the load
 * balancer the infrastructure puts in front (its {@code public} services) fronts exactly the services
 * whose descriptors attach to it; the BFF a workload of the name its record gives; the broker, the cache
 * and the OpenTelemetry collector the settings that point each deployable at them. A broker is
 * expected only where events are declared (api/asyncapi.yaml), a cache only where a database is.
 */
final class DecidedComponentsDeployed implements CrossValidator {
  static final String NAME = "decided-component-deployed";
  private static final Pattern TOPIC = Pattern.compile("(?m)^topic: ([a-z-]+)$");
  private static final Pattern TITLE = Pattern.compile("(?m)^# \\d+\\. [^:\\n]+: ([a-z-]+)$");
  private static final Pattern BFF = Pattern.compile("The BFF is the deployable ([a-z0-9-]+):");
  private static final List<String> PLATFORMS = List.of("ecs", "cloudrun", "containerapps");

  /** A choice of a record in force and where the record states it. */
  private record Choice(String choice, String path, int line, String content) {}

  /** One runtime: the file findings name, and the text of all its files. */
  private record Runtime(String label, String path, String text, boolean cluster, boolean managed) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Map<String, Choice> choices = choices(all);
    List<Runtime> runtimes = runtimes(all);
    boolean events = all.stream().anyMatch(a -> a.path().equals(Layout.ASYNCAPI));
    List<Finding> findings = new ArrayList<>();
    for (Runtime rt : runtimes) {
      boolean data = rt.text().contains("DB_HOST");
      choice(choices, "api-gateway").filter(c -> !c.choice().equals("none")).ifPresent(c -> {
        if (rt.cluster() && !rt.text().contains("kind: Gateway\n")) {
          findings.add(missing(rt, c, "the API gateway", "no Gateway"));
        } else if (rt.managed() && !(rt.text().contains("\"loadBalancers\"") || rt.text().contains("ingress: all")
            || rt.text().contains("external: true") || rt.text().contains("external: \"true\""))) {
          findings.add(missing(rt, c, "the API gateway", "no public entry"));
        }
        Matcher bff = BFF.matcher(c.content());
        if (c.choice().equals("gateway-and-bff") && bff.find() && !runs(rt, bff.group(1), all)) {
          findings.add(missing(rt, c, "the BFF " + bff.group(1), "no workload " + bff.group(1)));
        }
      });
      choice(choices, "messaging").filter(c -> events && !c.choice().equals("none")).ifPresent(c -> {
        String setting = switch (c.choice()) {
          case "kafka" -> "KAFKA_BOOTSTRAP_SERVERS";
          case "rabbitmq" -> "RABBITMQ_HOST";
          default -> "PUBSUB_TOPIC_PREFIX";
        };
        if (!rt.text().contains(setting)) {
          findings.add(missing(rt, c, "the " + c.choice() + " broker", "no deployable given " + setting));
        }
      });
      choice(choices, "caching").filter(c -> data && !c.choice().equals("none") && !rt.text().contains("CACHE_HOST"))
          .ifPresent(c -> findings.add(missing(rt, c, "the cache", "no deployable given CACHE_HOST")));
      // where to (the endpoint, or the platform's agent) is telemetry-reaches-collector's
      choice(choices, "observability").filter(c -> c.choice().startsWith("opentelemetry")
          && !rt.text().contains("OTEL_SERVICE_NAME")).ifPresent(c -> findings.add(missing(rt, c,
              "the OpenTelemetry collector", "no deployable given OTEL_SERVICE_NAME")));
    }
    choice(choices, "api-gateway").filter(c -> !c.choice().equals("none")).ifPresent(c -> {
      Matcher bff = BFF.matcher(c.content());
      findings.addAll(Edge.check(all, c.path() + ":" + c.line(), c.choice().equals("gateway-and-bff") && bff.find()
          ? Optional.of(bff.group(1)) : Optional.empty(), NAME));
    });
    return findings;
  }

  private static Finding missing(Runtime rt, Choice c, String component, String evidence) {
    return new Finding(rt.path(), 0, c.path() + ":" + c.line() + " decides " + c.choice() + ", so " + component
        + " runs, but " + rt.label() + " has " + evidence, NAME);
  }

  /** Whether a workload of that name runs in the runtime. */
  private static boolean runs(Runtime rt, String name, List<Artifact> all) {
    if (rt.cluster()) {
      return all.stream().anyMatch(a -> a.path().equals(Layout.K8S + "base/" + name + "/deployment.yaml"));
    }
    if (rt.managed()) {
      String dir = rt.path().substring(0, rt.path().lastIndexOf('/') + 1);
      return all.stream().anyMatch(a -> a.path().startsWith(dir + name + "."));
    }
    return rt.text().contains("\n  \"" + name + "\":\n") || rt.text().contains("\n  " + name + ":\n");
  }

  private static Optional<Choice> choice(Map<String, Choice> choices, String topic) {
    return Optional.ofNullable(choices.get(topic));
  }

  /** The choice of each topic's record in force (a superseded record yields to the newer one). */
  private static Map<String, Choice> choices(List<Artifact> all) {
    Map<String, Choice> choices = new LinkedHashMap<>();
    for (Artifact a : all) {
      if (!a.path().startsWith("decisions/") || !a.path().endsWith(".md") || a.path().equals(Layout.DECISIONS_INDEX)
          || a.content().contains("\nstatus: superseded")) {
        continue;
      }
      Matcher topic = TOPIC.matcher(a.content());
      Matcher title = TITLE.matcher(a.content());
      if (topic.find() && title.find()) {
        int line = (int) a.content().substring(0, title.start()).chars().filter(ch -> ch == '\n').count() + 1;
        choices.put(topic.group(1), new Choice(title.group(1), a.path(), line, a.content()));
      }
    }
    return choices;
  }

  private static List<Runtime> runtimes(List<Artifact> all) {
    List<Runtime> runtimes = new ArrayList<>();
    String compose = text(all, "deploy/docker-compose.yaml", true);
    if (!compose.isEmpty()) {
      runtimes.add(new Runtime("deploy/docker-compose.yaml", "deploy/docker-compose.yaml", compose, false, false));
    }
    String cluster = text(all, Layout.K8S + "base/", false);
    if (!cluster.isEmpty()) {
      runtimes.add(new Runtime("the Kubernetes base", Layout.K8S + "base/kustomization.yaml", cluster, true, false));
    }
    for (String platform : PLATFORMS) {
      String dir = "deploy/" + platform + "/";
      String descriptors = text(all, dir, false);
      if (!descriptors.isEmpty()) {
        runtimes.add(new Runtime("the descriptors under " + dir, dir + "README.md", descriptors, false, true));
      }
    }
    return runtimes;
  }

  /** The contents of the file at {@code path} (exact) or of every file under it but READMEs, joined. */
  private static String text(List<Artifact> all, String path, boolean exact) {
    StringBuilder text = new StringBuilder();
    for (Artifact a : all) {
      if (exact ? a.path().equals(path) : a.path().startsWith(path) && !a.path().endsWith("README.md")) {
        text.append(a.content()).append('\n');
      }
    }
    return text.toString();
  }
}
