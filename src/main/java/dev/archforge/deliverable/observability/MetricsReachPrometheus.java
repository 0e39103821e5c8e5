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
 * Coherence rule {@value #NAME}: the alerts read metrics that can arrive. Every Deployment is
 * either scraped (its pods carry {@code prometheus.io/scrape}, and its NetworkPolicy admits a
 * namespace on that port) or pushes to a Collector (its ConfigMap names
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, and its NetworkPolicy lets it out on that port). On managed
 * containers, where nothing scrapes, every descriptor pushes OTLP ({@code OTEL_SERVICE_NAME}) when the plan
 * pushes at all; telemetry-reaches-collector checks where to.
 */
final class MetricsReachPrometheus implements CrossValidator {
  static final String NAME = "metrics-reach-prometheus";
  private static final String ALERTS = "observability/" + ObservabilityDeliverable.RULES;
  /** Set on every deployable that pushes OTLP; the endpoint itself is not where the platform's agent sets it. */
  private static final String PUSHES = "OTEL_SERVICE_NAME";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    if (all.stream().noneMatch(a -> a.path().equals(ALERTS))) {
      return List.of();
    }
    Manifests.Index manifests = new Manifests.Index(Manifests.all(all.stream()
        .filter(a -> a.path().startsWith(Layout.K8S + "base/")).toList()));
    List<Finding> findings = new ArrayList<>();
    if (manifests.objects("Deployment").isEmpty()) {
      // managed containers: no scraper reaches them, so each pushes OTLP when any does
      List<Descriptors> descriptors = Descriptors.of(all);
      if (descriptors.stream().anyMatch(d -> d.env(PUSHES).isPresent())) {
        descriptors.stream().filter(d -> d.env(PUSHES).isEmpty()).forEach(d -> findings.add(new Finding(d.path(), 0,
            d.deployable() + " pushes no OTLP (" + PUSHES + "), but " + ALERTS + " reads its metrics", NAME)));
      }
      return findings;
    }
    for (Manifests.Doc deployment : manifests.objects("Deployment")) {
      String name = deployment.name();
      Optional<Manifests.Doc> policy = manifests.object("NetworkPolicy", name);
      JsonNode annotations = deployment.node().at("/spec/template/metadata/annotations");
      String endpoint = manifests.object("ConfigMap", name)
          .map(m -> m.node().at("/data/OTEL_EXPORTER_OTLP_ENDPOINT").asText("")).orElse("");
      if (annotations.path("prometheus.io/scrape").asText().equals("true")) {
        String port = annotations.path("prometheus.io/port").asText();
        if (policy.isPresent() && !admits(policy.get().node().at("/spec/ingress"), "from", port)) {
          findings.add(policy.get().finding("/spec/ingress", "NetworkPolicy " + name + " admits no scraper on port "
              + port + ", so the metrics that " + ALERTS + " reads never leave " + name, NAME));
        }
      } else if (!endpoint.isEmpty()) {
        String port = String.valueOf(URI.create(endpoint).getPort());
        if (policy.isPresent() && !admits(policy.get().node().at("/spec/egress"), "to", port)) {
          findings.add(policy.get().finding("/spec/egress", "NetworkPolicy " + name + " does not let " + name
              + " reach the Collector on port " + port + ", so the metrics that " + ALERTS + " reads never arrive",
              NAME));
        }
      } else {
        findings.add(deployment.finding("/spec/template/metadata", "Deployment " + name + " is neither scraped "
            + "(prometheus.io/scrape) nor pushing to a Collector (OTEL_EXPORTER_OTLP_ENDPOINT), but " + ALERTS
            + " reads its metrics", NAME));
      }
    }
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    if (all.stream().noneMatch(a -> a.path().equals(ALERTS)) || all.stream().anyMatch(a -> a.path().startsWith(
        Layout.K8S + "base/"))) {
      return Optional.empty();
    }
    List<Descriptors> descriptors = Descriptors.of(all);
    if (descriptors.isEmpty()) {
      return Optional.of("no Kubernetes manifests or managed-container descriptors are written: Prometheus scrapes "
          + "the hosts Compose runs on as the platform sets it up");
    }
    return descriptors.stream().anyMatch(d -> d.env(PUSHES).isPresent()) ? Optional.empty()
        : Optional.of("the " + descriptors.get(0).platform() + " descriptors have no Prometheus scraper and no network "
            + "policy to admit one: the platform's own metrics service collects what " + ALERTS + " reads");
  }

  /** Whether some rule lets traffic through on the port, to or from a namespace. */
  private static boolean admits(JsonNode rules, String peers, String port) {
    for (JsonNode rule : rules) {
      boolean namespace = false;
      for (JsonNode peer : rule.path(peers)) {
        namespace |= peer.has("namespaceSelector");
      }
      boolean onPort = rule.path("ports").isEmpty();
      for (JsonNode p : rule.path("ports")) {
        onPort |= p.path("port").asText().equals(port);
      }
      if (namespace && onPort) {
        return true;
      }
    }
    return false;
  }
}
