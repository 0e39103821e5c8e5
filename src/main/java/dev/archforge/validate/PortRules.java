package dev.archforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One port everywhere: the Dockerfile's EXPOSE, the container's first containerPort, the Service's
 * targetPorts and the probes' ports (names resolved through the container's named ports).
 */
final class PortRules {
  private static final String NAME = RuntimeConsistencyValidator.NAME;
  private final DeployTree tree;
  private final Manifests.Doc deployment;
  private final String container;
  private final JsonNode node;
  private final List<Finding> findings;

  PortRules(DeployTree tree, Manifests.Doc deployment, int index, List<Finding> findings) {
    this.tree = tree;
    this.deployment = deployment;
    this.container = "/spec/template/spec/containers/" + index;
    this.node = deployment.node().at(container);
    this.findings = findings;
  }

  void check() {
    JsonNode ports = node.path("ports");
    if (ports.isEmpty() || !ports.get(0).path("containerPort").isNumber()) {
      findings.add(deployment.finding(container, "container of " + deployment.name() + " declares no containerPort",
          NAME));
      return;
    }
    int port = ports.get(0).path("containerPort").asInt();
    Map<String, Integer> named = new HashMap<>();
    for (JsonNode p : ports) {
      if (p.has("name")) {
        named.put(p.get("name").asText(), p.path("containerPort").asInt());
      }
    }
    DeployTree.Dockerfile dockerfile = tree.dockerfiles.get(deployment.name());
    if (dockerfile != null && dockerfile.port() == 0) {
      findings.add(new Finding(dockerfile.path(), 0, "the Dockerfile EXPOSEs no port", NAME));
    } else if (dockerfile != null && dockerfile.port() != port) {
      findings.add(deployment.finding(container + "/ports/0/containerPort", "containerPort " + port + " of "
          + deployment.name() + " is not the Dockerfile's EXPOSE " + dockerfile.port() + " (" + dockerfile.path()
          + ":" + dockerfile.portLine() + ")", NAME));
    }
    tree.object("Service", deployment.name()).ifPresent(service -> {
      JsonNode servicePorts = service.node().at("/spec/ports");
      for (int i = 0; i < servicePorts.size(); i++) {
        JsonNode p = servicePorts.get(i);
        JsonNode target = p.has("targetPort") ? p.get("targetPort") : p.path("port");
        Integer resolved = resolve(target, named);
        if (resolved == null || resolved != port) {
          findings.add(service.finding("/spec/ports/" + i, "Service " + service.name() + " targets port "
              + target.asText() + ", not the container's port " + port, NAME));
        }
      }
    });
    for (String probe : RuntimeConsistencyValidator.probes()) {
      JsonNode handler = node.path(probe);
      for (String kind : List.of("httpGet", "tcpSocket", "grpc")) {
        if (handler.has(kind)) {
          JsonNode value = handler.get(kind).path("port");
          Integer resolved = resolve(value, named);
          if (resolved == null || resolved != port) {
            findings.add(deployment.finding(container + "/" + probe + "/" + kind + "/port", probe + " of "
                + deployment.name() + " checks port " + value.asText() + ", not the container's port " + port, NAME));
          }
        }
      }
    }
  }

  private static Integer resolve(JsonNode port, Map<String, Integer> named) {
    if (port.isNumber()) {
      return port.asInt();
    }
    if (port.isTextual()) {
      return port.asText().matches("\\d+") ? Integer.valueOf(port.asText()) : named.get(port.asText());
    }
    return null;
  }
}
