package dev.archforge.deliverable.structurizr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.structurizr.Workspace;
import com.structurizr.model.Container;
import com.structurizr.model.Relationship;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coherence rule {@value #NAME}: the Structurizr workspace has every deployable (a Dockerfile under
 * {@code deploy/}), every synchronous call (an {@code <CALLEE>_ADDRESS} of a Compose service) and
 * every event flow (a send or receive operation of the AsyncAPI document) of the plan, and its
 * {@code !adrs} folder holds the decision records.
 */
final class C4CoversPlan implements CrossValidator {
  static final String NAME = "c4-covers-plan";
  static final String COMPOSE = "deploy/docker-compose.yaml";

  /** An operation of the AsyncAPI document: a service sends or receives an event on a channel. */
  private record Operation(String service, boolean send, String event, String channel) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Artifact> dsl = all.stream().filter(a -> a.path().equals(StructurizrDeliverable.PATH)).findFirst();
    if (dsl.isEmpty()) {
      return List.of();
    }
    DslWorkspace.Parsed parsed = DslWorkspace.parse(dsl.get());
    if (parsed.workspace() == null) {
      return List.of(); // the validator reports it
    }
    String path = dsl.get().path();
    Workspace w = parsed.workspace();
    Map<String, Container> byName = new HashMap<>();
    Map<String, Container> byService = new HashMap<>();
    for (var e : w.getModel().getElements()) {
      if (e instanceof Container c && c.getTags().contains("Deployable")) {
        byName.put(c.getName(), c);
        for (String s : c.getProperties().getOrDefault("archforge.services", "").split(" ")) {
          if (!s.isBlank()) {
            byService.put(s, c);
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      String deployable = Layout.dockerfileOf(a.path());
      if (deployable != null && !byName.containsKey(deployable)) {
        findings.add(new Finding(path, 0, "the deployable " + deployable + " (" + a.path()
            + ") is no container of the workspace", NAME));
      }
    }
    calls(all, w, byName, path, findings);
    events(all, w, byService, path, findings);
    adrs(all, dsl.get(), findings);
    return findings;
  }

  private static void calls(List<Artifact> all, Workspace w, Map<String, Container> byName, String path,
      List<Finding> findings) {
    JsonNode services = tree(all, COMPOSE).path("services");
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      for (Map.Entry<String, JsonNode> env : service.getValue().path("environment").properties()) {
        if (!env.getKey().endsWith("_ADDRESS") || !env.getValue().isTextual()) {
          continue;
        }
        String callee = env.getValue().asText().replaceFirst(":.*$", "");
        if (!related(w, byName.get(service.getKey()), byName.get(callee), null)) {
          findings.add(new Finding(path, 0, "the call " + service.getKey() + " → " + callee + " (" + env.getKey()
              + " in " + COMPOSE + ") has no relationship in the workspace", NAME));
        }
      }
    }
  }

  private static void events(List<Artifact> all, Workspace w, Map<String, Container> byService, String path,
      List<Finding> findings) {
    List<Operation> operations = operations(tree(all, Layout.ASYNCAPI));
    Container broker = w.getModel().getElements().stream().filter(e -> e instanceof Container
        && e.getTags().contains("Queue")).map(Container.class::cast).findFirst().orElse(null);
    for (Operation op : operations) {
      Container own = byService.get(op.service());
      if (own == null) {
        findings.add(new Finding(path, 0, "the service " + op.service() + " (" + (op.send() ? "publishes " : "consumes ")
            + op.event() + " in " + Layout.ASYNCAPI + ") is in no container of the workspace", NAME));
        continue;
      }
      List<Container> peers = new ArrayList<>();
      if (broker != null) {
        peers.add(broker);
      } else {
        operations.stream().filter(o -> o.channel().equals(op.channel()) && o.send() != op.send())
            .map(o -> byService.get(o.service())).filter(c -> c != null && c != own).forEach(peers::add);
      }
      for (Container peer : peers) {
        boolean ok = op.send() ? related(w, own, peer, op.event()) : related(w, peer, own, op.event());
        if (!ok) {
          findings.add(new Finding(path, 0, "the event flow " + (op.send() ? op.service() + " publishes "
              : op.service() + " consumes ") + op.event() + " (" + Layout.ASYNCAPI + ") has no relationship "
              + (op.send() ? own.getName() + " → " + peer.getName() : peer.getName() + " → " + own.getName())
              + " naming it in the workspace", NAME));
        }
      }
    }
  }

  private static void adrs(List<Artifact> all, Artifact dsl, List<Finding> findings) {
    Optional<String> folder = DslWorkspace.adrsFolder(dsl.content());
    if (folder.isEmpty()) {
      return;
    }
    String resolved = java.nio.file.Path.of(dsl.path()).resolveSibling(folder.get()).normalize().toString()
        .replace('\\', '/') + "/";
    if (all.stream().noneMatch(a -> a.path().startsWith(resolved) && a.path().matches(".*/\\d{4}-[^/]+\\.md"))) {
      findings.add(new Finding(dsl.path(), 0, "!adrs names " + folder.get() + ", which holds no decision record"
          + " of the workspace", NAME));
    }
  }

  private static boolean related(Workspace w, Container from, Container to, String naming) {
    if (from == null || to == null) {
      return false;
    }
    for (Relationship r : w.getModel().getRelationships()) {
      if (r.getSource() == from && r.getDestination() == to
          && (naming == null || (r.getDescription() != null && r.getDescription().matches(".*\\b"
              + java.util.regex.Pattern.quote(naming) + "\\b.*")))) {
        return true;
      }
    }
    return false;
  }

  private static List<Operation> operations(JsonNode asyncapi) {
    List<Operation> list = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : asyncapi.path("operations").properties()) {
      String key = op.getKey();
      int dot = key.indexOf('.');
      String ref = op.getValue().at("/messages/0/$ref").asText("");
      String event = ref.substring(ref.lastIndexOf('/') + 1);
      if (dot <= 0 || event.isEmpty()) {
        continue;
      }
      list.add(new Operation(key.substring(0, dot), "send".equals(op.getValue().path("action").asText()), event,
          op.getValue().at("/channel/$ref").asText("")));
    }
    return list;
  }

  private static JsonNode tree(List<Artifact> all, String path) {
    for (Artifact a : all) {
      if (a.path().equals(path)) {
        return GeneratedYaml.tree(a).orElseGet(JsonNodeFactory.instance::objectNode); // shared: read only; errors: its validator
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }
}
