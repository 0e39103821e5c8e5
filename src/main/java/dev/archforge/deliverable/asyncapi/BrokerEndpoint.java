package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Descriptors;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coherence rule {@value #NAME}: the broker the AsyncAPI document names is the one the deployables
 * are configured for. Every Kubernetes ConfigMap that points a service at Kafka or RabbitMQ names
 * the document's host and port; when the document's security scheme takes a password, every such
 * service's Deployment reads the broker credentials from a Secret; and its NetworkPolicy lets it
 * reach that port. On managed containers each descriptor names the same address and reads the
 * credential from the cloud's secret manager.
 */
final class BrokerEndpoint implements CrossValidator {
  static final String NAME = "broker-endpoint-agrees";
  private static final Set<String> PASSWORD_SCHEMES = Set.of("scramSha512", "scramSha256", "userPassword", "plain");
  private static final String CREDENTIAL = "BROKER_PASSWORD";
  private static final String MECHANISM = "KAFKA_SASL_MECHANISM";
  /** The SASL mechanism a Kafka client names for each AsyncAPI scheme type that takes one. */
  private static final Map<String, String> MECHANISMS = Map.of("scramSha512", "SCRAM-SHA-512", "scramSha256",
      "SCRAM-SHA-256", "plain", "PLAIN");

  /** How a service's configuration names the broker of a protocol. */
  private record Keys(String protocol, String hostKey, String portKey) {}

  private static final List<Keys> KEYS = List.of(new Keys("kafka-secure", "KAFKA_BOOTSTRAP_SERVERS", null),
      new Keys("amqps", "RABBITMQ_HOST", "RABBITMQ_PORT"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<JsonNode> contract = ParsedContract.of(all);
    if (contract.isEmpty()) {
      return List.of();
    }
    JsonNode doc = contract.get();
    List<Manifests.Doc> manifests = ParsedContract.manifests(all);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> server : doc.path("servers").properties()) {
      JsonNode s = server.getValue();
      KEYS.stream().filter(k -> k.protocol().equals(s.path("protocol").asText())).findFirst()
          .ifPresent(k -> {
            String mechanism = k.hostKey().startsWith("KAFKA") ? mechanism(doc, s) : "";
            check(k, s.path("host").asText(), passwords(doc, s), manifests, findings);
            mechanisms(mechanism, manifests, Descriptors.of(all), findings);
            descriptors(k, s.path("host").asText(), passwords(doc, s), Descriptors.of(all), findings);
          });
    }
    return findings;
  }

  /** On managed containers: each descriptor's broker address and credential (no network policy there). */
  private static void descriptors(Keys keys, String endpoint, boolean password, List<Descriptors> descriptors,
      List<Finding> findings) {
    for (Descriptors d : descriptors) {
      Optional<String> host = d.env(keys.hostKey());
      if (host.isEmpty()) {
        continue;
      }
      String configured = host.get() + (keys.portKey() == null ? "" : ":" + d.env(keys.portKey()).orElse(""));
      if (!configured.equals(endpoint)) {
        findings.add(new Finding(d.path(), 0, d.deployable() + " points at the broker " + configured + ", but "
            + Layout.ASYNCAPI + " names " + endpoint, NAME));
      }
      if (password && !d.env(CREDENTIAL).orElse("").equals("secret")) {
        findings.add(new Finding(d.path(), 0, d.deployable() + " reads no " + CREDENTIAL + " from the secret "
            + "manager, but " + Layout.ASYNCAPI + " has services authenticate to the broker with a password", NAME));
      }
    }
  }

  private static void check(Keys keys, String endpoint, boolean password, List<Manifests.Doc> manifests,
      List<Finding> findings) {
    String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
    for (Manifests.Doc map : manifests) {
      JsonNode data = map.node().path("data");
      if (!map.kind().equals("ConfigMap") || !data.has(keys.hostKey())) {
        continue;
      }
      String configured = data.path(keys.hostKey()).asText()
          + (keys.portKey() == null ? "" : ":" + data.path(keys.portKey()).asText());
      if (!configured.equals(endpoint)) {
        findings.add(map.finding("/data/" + keys.hostKey(), "ConfigMap " + map.name() + " points at the broker "
            + configured + ", but " + Layout.ASYNCAPI + " names " + endpoint, NAME));
      }
      String deployable = map.name();
      new Manifests.Index(manifests).object("Deployment", deployable).ifPresent(d -> {
        if (password && !readsCredential(d.node())) {
          findings.add(d.finding("/spec/template/spec/containers", "Deployment " + deployable + " has no " + CREDENTIAL
              + " from a Secret, but " + Layout.ASYNCAPI + " has services authenticate to the broker with a "
              + "password", NAME));
        }
      });
      new Manifests.Index(manifests).object("NetworkPolicy", deployable).ifPresent(p -> {
        if (!egressTo(p.node(), port)) {
          findings.add(p.finding("/spec/egress", "NetworkPolicy " + deployable + " does not let it reach port " + port
              + " of the broker that " + Layout.ASYNCAPI + " names", NAME));
        }
      });
    }
  }

  /**
   * Each service configured for Kafka names the SASL mechanism of the document's scheme: a
   * ConfigMap in the cluster, the environment of a managed-container descriptor.
   */
  private static void mechanisms(String mechanism, List<Manifests.Doc> manifests, List<Descriptors> descriptors,
      List<Finding> findings) {
    if (mechanism.isEmpty()) {
      return;
    }
    String why = ", but " + Layout.ASYNCAPI + "'s security scheme is SASL " + mechanism;
    for (Manifests.Doc map : manifests) {
      JsonNode data = map.node().path("data");
      if (map.kind().equals("ConfigMap") && data.has("KAFKA_BOOTSTRAP_SERVERS")
          && !data.path(MECHANISM).asText().equals(mechanism)) {
        findings.add(map.finding("/data/" + MECHANISM, "ConfigMap " + map.name() + " names the SASL mechanism "
            + data.path(MECHANISM).asText("(none)") + why, NAME));
      }
    }
    for (Descriptors d : descriptors) {
      if (d.env("KAFKA_BOOTSTRAP_SERVERS").isPresent() && !d.env(MECHANISM).orElse("").equals(mechanism)) {
        findings.add(new Finding(d.path(), 0, d.deployable() + " names the SASL mechanism "
            + d.env(MECHANISM).orElse("(none)") + why, NAME));
      }
    }
  }

  /** The SASL mechanism of the server's first security scheme that takes one; empty if none does. */
  private static String mechanism(JsonNode doc, JsonNode server) {
    for (JsonNode ref : server.path("security")) {
      String name = ref.path("$ref").asText().replaceFirst("^#/components/securitySchemes/", "");
      String type = doc.path("components").path("securitySchemes").path(name).path("type").asText();
      if (MECHANISMS.containsKey(type)) {
        return MECHANISMS.get(type);
      }
    }
    return "";
  }

  /** Whether the server's security schemes take a password. */
  private static boolean passwords(JsonNode doc, JsonNode server) {
    for (JsonNode ref : server.path("security")) {
      String name = ref.path("$ref").asText().replaceFirst("^#/components/securitySchemes/", "");
      if (PASSWORD_SCHEMES.contains(doc.path("components").path("securitySchemes").path(name).path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsCredential(JsonNode deployment) {
    for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
      for (JsonNode env : container.path("env")) {
        if (env.path("name").asText().equals(CREDENTIAL) && env.at("/valueFrom/secretKeyRef").isObject()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean egressTo(JsonNode policy, String port) {
    for (JsonNode rule : policy.at("/spec/egress")) {
      if (rule.path("ports").isEmpty()) {
        return true;
      }
      for (JsonNode p : rule.path("ports")) {
        if (p.path("port").asText().equals(port)) {
          return true;
        }
      }
    }
    return false;
  }
}
