package dev.archforge.deliverable.observability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Descriptors;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coherence rule {@value #NAME}: off Kubernetes, the OTLP endpoint each deployable is given names a
 * collector that runs in that runtime, the one SLO.md names. On ECS and Cloud Run it is a sidecar
 * container of the same task or service, reached on localhost; on Container Apps the environment's
 * agent sets the endpoint itself, so a descriptor that sets one names no collector there; AWS
 * Lambda functions run none. On Kubernetes each ConfigMap names the cluster's Collector, as SLO.md
 * does (metrics-reach-prometheus checks that the pods may reach it).
 */
final class TelemetryReachesCollector implements CrossValidator {
  static final String NAME = "telemetry-reaches-collector";
  private static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    String slo = all.stream().filter(a -> a.path().equals(Layout.SLO)).map(Artifact::content).findFirst().orElse("");
    List<Finding> findings = new ArrayList<>();
    for (Descriptors d : Descriptors.of(all)) {
      Optional<String> endpoint = d.env(ENDPOINT);
      if (endpoint.isEmpty()) {
        continue;
      }
      String url = endpoint.get();
      if (d.platform().equals("containerapps")) {
        findings.add(finding(d.path(), d.deployable() + " sets " + ENDPOINT + " to " + url + ", but on Container Apps "
            + "the environment's OpenTelemetry agent sets it (" + Layout.SLO + "): the value names no collector in "
            + "the environment and hides the agent's"));
        continue;
      }
      List<String> collectors = collectors(d);
      if (!local(url)) {
        findings.add(finding(d.path(), d.deployable() + " pushes OTLP to " + url + ", which runs on no " + d.platform()
            + " task or service; the collector of " + d.platform() + " is a sidecar on localhost (" + Layout.SLO + ")"));
      } else if (collectors.isEmpty()) {
        findings.add(finding(d.path(), d.deployable() + " pushes OTLP to " + url + ", but no collector container "
            + "runs beside it (" + Layout.SLO + " promises one)"));
      } else if (!slo.isEmpty() && !slo.contains("`" + url + "`")) {
        findings.add(finding(d.path(), d.deployable() + " pushes OTLP to " + url + ", which " + Layout.SLO
            + " does not name as the collector's endpoint"));
      }
    }
    Manifests.Index manifests = new Manifests.Index(Manifests.all(all.stream()
        .filter(a -> a.path().startsWith(Layout.K8S + "base/")).toList()));
    for (Manifests.Doc map : manifests.objects("ConfigMap")) {
      String url = map.node().at("/data/" + ENDPOINT).asText("");
      if (!url.isEmpty() && (local(url) || !slo.isEmpty() && !slo.contains("`" + url + "`"))) {
        findings.add(map.finding("/data/" + ENDPOINT, "ConfigMap " + map.name() + " points OTLP at " + url + ", but "
            + (local(url) ? "no collector runs in its pod" : Layout.SLO + " names another Collector"), NAME));
      }
    }
    for (Artifact a : all) {
      if (a.path().startsWith(Layout.SAM) && a.path().endsWith("template.yaml")) {
        int at = a.content().indexOf(ENDPOINT + ":");
        if (at >= 0) {
          int line = (int) a.content().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
          findings.add(new Finding(a.path(), line, "a function sets " + ENDPOINT + ", but AWS Lambda runs no OTLP "
              + "collector beside a container-image function; " + Layout.SLO + " says it traces through X-Ray",
              NAME));
        }
      }
    }
    return findings;
  }

  private static Finding finding(String path, String message) {
    return new Finding(path, 0, message, NAME);
  }

  private static boolean local(String url) {
    try {
      String host = URI.create(url).getHost();
      return "localhost".equals(host) || "127.0.0.1".equals(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The collector containers beside the deployable's own: on ECS the task's other containers, on
   * Cloud Run the containers that serve no port, whose image is an OpenTelemetry collector.
   */
  private static List<String> collectors(Descriptors d) {
    JsonNode containers = d.platform().equals("ecs") ? d.trees().get(0).path("containerDefinitions")
        : d.trees().get(0).at("/spec/template/spec/containers");
    List<String> names = new ArrayList<>();
    for (JsonNode c : containers) {
      boolean own = d.platform().equals("ecs") ? c.path("name").asText().equals(d.deployable()) : c.has("ports");
      String image = c.path("image").asText();
      if (!own && (image.contains("otel") || image.contains("opentelemetry-collector"))) {
        names.add(c.path("name").asText());
      }
    }
    return names;
  }
}
