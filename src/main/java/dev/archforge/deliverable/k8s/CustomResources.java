package dev.archforge.deliverable.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom resources archforge renders, which client-java-api has no model for: the External
 * Secrets Operator's {@code ExternalSecret} and {@code SecretStore} (external-secrets.io/v1) and
 * the Gateway API's {@code Gateway}, {@code HTTPRoute} and {@code GRPCRoute}
 * (gateway.networking.k8s.io/v1). A small structural check of the fields archforge uses and the
 * controllers require; metadata is checked with the real {@code V1ObjectMeta} model by the caller.
 * The tests also validate the Gateway API objects against the Gateway API's own schemas.
 */
final class CustomResources {
  static final String GROUP_VERSION = "external-secrets.io/v1";
  static final String GATEWAY_API = "gateway.networking.k8s.io/v1";
  private static final Map<String, Set<String>> GATEWAY_SPEC = Map.of(
      "Gateway", Set.of("gatewayClassName", "listeners", "addresses", "infrastructure"),
      "HTTPRoute", Set.of("parentRefs", "hostnames", "rules"),
      "GRPCRoute", Set.of("parentRefs", "hostnames", "rules"));
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Map<String, Set<String>> SPEC = Map.of(
      "ExternalSecret", Set.of("refreshInterval", "secretStoreRef", "target", "data", "dataFrom",
          "refreshPolicy"),
      "SecretStore", Set.of("provider", "controller", "retrySettings", "refreshInterval", "conditions"));
  private static final Set<String> PROVIDERS = Set.of("aws", "gcpsm", "azurekv", "vault", "kubernetes",
      "akeyless", "ibm", "oracle", "doppler", "onepassword", "webhook", "fake");

  private CustomResources() {}

  static boolean known(String apiVersion, String kind) {
    return apiVersion.equals(GROUP_VERSION) && SPEC.containsKey(kind)
        || apiVersion.equals(GATEWAY_API) && GATEWAY_SPEC.containsKey(kind);
  }

  /** Problems as (pointer, message) pairs. */
  static List<String[]> check(JsonNode node) {
    List<String[]> problems = new ArrayList<>();
    String kind = node.path("kind").asText();
    node.fieldNames().forEachRemaining(f -> {
      if (!TOP.contains(f)) {
        problems.add(new String[] {"/" + f, "The field `" + f + "` is not defined for " + kind});
      }
    });
    JsonNode spec = node.path("spec");
    if (!spec.isObject()) {
      problems.add(new String[] {"", "The required field `spec` is not found"});
      return problems;
    }
    spec.fieldNames().forEachRemaining(f -> {
      if (!SPEC.getOrDefault(kind, GATEWAY_SPEC.get(kind)).contains(f)) {
        problems.add(new String[] {"/spec/" + f, "The field `" + f + "` is not defined in " + kind + " spec"});
      }
    });
    if (GATEWAY_SPEC.containsKey(kind)) {
      gatewayApi(kind, spec, problems);
    } else if (kind.equals("ExternalSecret")) {
      require(spec, "/spec", "secretStoreRef", problems);
      require(spec.path("secretStoreRef"), "/spec/secretStoreRef", "name", problems);
      JsonNode data = spec.path("data");
      for (int i = 0; i < data.size(); i++) {
        require(data.get(i), "/spec/data/" + i, "secretKey", problems);
        require(data.get(i).path("remoteRef"), "/spec/data/" + i + "/remoteRef", "key", problems);
      }
      if (data.isEmpty() && spec.path("dataFrom").isEmpty()) {
        problems.add(new String[] {"/spec", "an ExternalSecret needs data or dataFrom"});
      }
    } else {
      JsonNode provider = spec.path("provider");
      if (provider.size() != 1) {
        problems.add(new String[] {"/spec/provider", "a SecretStore names exactly one provider"});
      } else if (!PROVIDERS.contains(provider.fieldNames().next())) {
        problems.add(new String[] {"/spec/provider", "unknown provider " + provider.fieldNames().next()});
      }
    }
    return problems;
  }

  private static void gatewayApi(String kind, JsonNode spec, List<String[]> problems) {
    if (kind.equals("Gateway")) {
      require(spec, "/spec", "gatewayClassName", problems);
      JsonNode listeners = spec.path("listeners");
      if (listeners.isEmpty()) {
        problems.add(new String[] {"/spec", "The required field `listeners` is not found"});
      }
      for (int i = 0; i < listeners.size(); i++) {
        for (String field : List.of("name", "port", "protocol")) {
          require(listeners.get(i), "/spec/listeners/" + i, field, problems);
        }
      }
      return;
    }
    JsonNode rules = spec.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode backends = rules.get(i).path("backendRefs");
      for (int j = 0; j < backends.size(); j++) {
        require(backends.get(j), "/spec/rules/" + i + "/backendRefs/" + j, "name", problems);
      }
    }
    for (int i = 0; i < spec.path("parentRefs").size(); i++) {
      require(spec.path("parentRefs").get(i), "/spec/parentRefs/" + i, "name", problems);
    }
  }

  private static void require(JsonNode node, String pointer, String field, List<String[]> problems) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
      problems.add(new String[] {pointer, "The required field `" + field + "` is not found"});
    }
  }
}
