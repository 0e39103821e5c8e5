package dev.archforge.deliverable.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Descriptors;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: the gateway routes what the contracts call public and nothing
 * else. Every OpenAPI server marked {@code x-internal: false} is reached by an HTTPRoute prefix,
 * none marked {@code x-internal: true} is; every service a GRPCRoute matches is declared by a
 * proto file of the workspace. On managed containers, the ingress of each service's descriptor
 * agrees with its API's exposure instead.
 */
final class RoutesMatchExposure implements CrossValidator {
  static final String NAME = "routes-match-exposure";
  private static final Pattern PROTO_PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern PROTO_SERVICE = Pattern.compile("(?m)^service\\s+(\\w+)\\s*\\{");

  /** A route prefix and where it is written. */
  private record Prefix(String path, Manifests.Doc route) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Manifests.Doc> routes = Manifests.all(all.stream()
        .filter(a -> a.path().startsWith(KubernetesDeliverable.BASE)).toList()).stream()
        .filter(d -> d.kind().equals("HTTPRoute") || d.kind().equals("GRPCRoute")).toList();
    if (all.stream().noneMatch(a -> a.path().startsWith(KubernetesDeliverable.BASE))) {
      return ingress(all, Descriptors.of(all));
    }
    List<Prefix> prefixes = new ArrayList<>();
    for (Manifests.Doc route : routes) {
      for (JsonNode rule : route.node().at("/spec/rules")) {
        for (JsonNode match : rule.path("matches")) {
          if (match.at("/path/value").isTextual()) {
            prefixes.add(new Prefix(match.at("/path/value").asText(), route));
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      if (a.path().startsWith("api/") && a.path().endsWith("/openapi.yaml")) {
        openApi(a, prefixes, findings);
      }
    }
    grpc(all, routes, findings);
    return findings;
  }

  private static void openApi(Artifact contract, List<Prefix> prefixes, List<Finding> findings) {
    for (Manifests.Doc doc : Manifests.parse(head(contract), NAME).docs()) {
      JsonNode servers = doc.node().path("servers");
      for (int i = 0; i < servers.size(); i++) {
        String path = URI.create(servers.get(i).path("url").asText("/")).getPath();
        boolean internal = servers.get(i).path("x-internal").asBoolean(false);
        List<Prefix> reaching = prefixes.stream().filter(p -> path.equals(p.path()) || path.startsWith(p.path() + "/"))
            .toList();
        if (internal && !reaching.isEmpty()) {
          Prefix p = reaching.get(0);
          findings.add(p.route().finding("/spec/rules", p.route().kind() + " " + p.route().name() + " routes "
              + p.path() + " to the internal API of " + contract.path() + " (x-internal: true)", NAME));
        } else if (!internal && reaching.isEmpty()) {
          findings.add(doc.finding("/servers/" + i, "the public server " + path + " has no route from the gateway "
              + "(no HTTPRoute prefix under deploy/k8s/base reaches it)", NAME));
        }
      }
    }
  }

  /**
   * The part of a contract up to its {@code paths}, when {@code servers} comes before them (as in
   * ours): the servers are all this rule reads, and the paths are most of a large contract.
   */
  private static Artifact head(Artifact contract) {
    String text = contract.content();
    int paths = text.startsWith("paths:") ? 0 : text.indexOf("\npaths:");
    int servers = text.startsWith("servers:") ? 0 : text.indexOf("\nservers:");
    return paths < 0 || servers < 0 || servers > paths ? contract
        : new Artifact(contract.path(), text.substring(0, paths + 1), contract.kind());
  }

  /**
   * On managed containers, where nothing routes paths: the descriptor of a service whose API is
   * internal has no public ingress, and one whose API is public has it or is called by a descriptor
   * that has it (a BFF: its {@code <SERVICE>_ADDRESS}).
   */
  private static List<Finding> ingress(List<Artifact> all, List<Descriptors> descriptors) {
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      String service = a.path().startsWith("api/") && a.path().endsWith("/openapi.yaml")
          ? a.path().substring(4, a.path().length() - "/openapi.yaml".length()) : null;
      Descriptors own = descriptors.stream().filter(d -> d.deployable().equals(service)).findFirst().orElse(null);
      if (own == null) {
        continue;
      }
      JsonNode servers = Manifests.parse(head(a), NAME).docs().stream().findFirst().map(d -> d.node().path("servers"))
          .orElse(null);
      boolean internal = servers != null && !servers.isEmpty() && servers.get(0).path("x-internal").asBoolean(false);
      String address = service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_ADDRESS";
      if (internal && own.isPublic()) {
        findings.add(new Finding(own.path(), 0, own.deployable() + " has public ingress, but " + a.path()
            + " is internal (x-internal: true)", NAME));
      } else if (!internal && !own.isPublic() && descriptors.stream()
          .noneMatch(d -> d.isPublic() && d.env(address).isPresent())) {
        findings.add(new Finding(own.path(), 0, own.deployable() + " has internal ingress only and no public "
            + "descriptor calls it, but " + a.path() + " is public", NAME));
      }
    }
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    if (all.stream().anyMatch(a -> a.path().startsWith(KubernetesDeliverable.BASE))
        || all.stream().noneMatch(a -> a.path().startsWith("api/") && a.path().endsWith("/openapi.yaml"))) {
      return Optional.empty();
    }
    List<Descriptors> descriptors = Descriptors.of(all);
    if (descriptors.isEmpty()) {
      return Optional.of("no Kubernetes Gateway or managed-container ingress is written: the hosts' own load balancer"
          + " routes to Compose");
    }
    boolean perService = all.stream().anyMatch(a -> a.path().endsWith("/openapi.yaml") && descriptors.stream()
        .anyMatch(d -> a.path().equals("api/" + d.deployable() + "/openapi.yaml")));
    return perService ? Optional.empty() : Optional.of("one " + descriptors.get(0).platform() + " descriptor runs "
        + "every module and managed containers route no paths: an internal module's API is reachable where the "
        + "deployable is, and its authorization alone guards it");
  }

  private static void grpc(List<Artifact> all, List<Manifests.Doc> routes, List<Finding> findings) {
    List<String> declared = new ArrayList<>();
    for (Artifact a : all) {
      if (a.path().startsWith("api/") && a.path().endsWith(".proto")) {
        Matcher pkg = PROTO_PACKAGE.matcher(a.content());
        Matcher service = PROTO_SERVICE.matcher(a.content());
        String prefix = pkg.find() ? pkg.group(1) + "." : "";
        while (service.find()) {
          declared.add(prefix + service.group(1));
        }
      }
    }
    for (Manifests.Doc route : routes.stream().filter(r -> r.kind().equals("GRPCRoute")).toList()) {
      for (JsonNode rule : route.node().at("/spec/rules")) {
        for (JsonNode match : rule.path("matches")) {
          String service = match.at("/method/service").asText();
          if (!declared.contains(service)) {
            findings.add(route.finding("/spec/rules", "GRPCRoute " + route.name() + " matches the gRPC service "
                + service + ", which no proto file under api/ declares", NAME));
          }
        }
      }
    }
  }
}
