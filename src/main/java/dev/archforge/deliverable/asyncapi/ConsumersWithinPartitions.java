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

/**
 * Coherence rule {@value #NAME}: a Kafka consumer group never scales to more pods than its topic
 * has partitions (a pod without a partition idles while counting as capacity). For every receive
 * operation with a consumer group, each HorizontalPodAutoscaler of the consuming deployable (the
 * service's own, or the one deployable of a modular monolith), in the base and every overlay, has
 * {@code maxReplicas} at most the channel's {@code partitions}.
 */
final class ConsumersWithinPartitions implements CrossValidator {
  static final String NAME = "consumers-within-partitions";

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
    List<Manifests.Doc> autoscalers = ParsedContract.manifests(all).stream()
        .filter(d -> d.kind().equals("HorizontalPodAutoscaler")).toList();
    if (autoscalers.isEmpty()) {
      return descriptors(contract.get(), Descriptors.of(all));
    }
    JsonNode doc = contract.get();
    boolean oneDeployable = autoscalers.stream().map(Manifests.Doc::name).distinct().count() == 1;
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : doc.path("operations").properties()) {
      JsonNode operation = op.getValue();
      if (!operation.at("/bindings/kafka/groupId").isObject()) {
        continue;
      }
      String channelId = operation.at("/channel/$ref").asText().replaceFirst("^#/channels/", "");
      JsonNode partitions = doc.path("channels").path(channelId).at("/bindings/kafka/partitions");
      if (!partitions.isInt()) {
        continue;
      }
      String consumer = op.getKey().substring(0, op.getKey().indexOf('.'));
      for (Manifests.Doc hpa : autoscalers) {
        int max = hpa.node().at("/spec/maxReplicas").asInt(0);
        if ((oneDeployable || hpa.name().equals(consumer)) && max > partitions.asInt()) {
          findings.add(hpa.finding("/spec/maxReplicas", "HorizontalPodAutoscaler " + hpa.name() + " scales "
              + consumer + " to " + max + " pods, but the topic of channel " + channelId + " in " + Layout.ASYNCAPI
              + " has " + partitions.asInt() + " partitions", NAME));
        }
      }
    }
    return findings;
  }

  /** On managed containers: each consumer's most instances (Cloud Run maxScale, Container Apps maxReplicas). */
  private static List<Finding> descriptors(JsonNode doc, List<Descriptors> descriptors) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : doc.path("operations").properties()) {
      String channelId = op.getValue().at("/channel/$ref").asText().replaceFirst("^#/channels/", "");
      JsonNode partitions = doc.path("channels").path(channelId).at("/bindings/kafka/partitions");
      if (!op.getValue().at("/bindings/kafka/groupId").isObject() || !partitions.isInt()) {
        continue;
      }
      String consumer = op.getKey().substring(0, op.getKey().indexOf('.'));
      for (Descriptors d : descriptors) {
        int max = d.maxInstances().orElse(0);
        if ((descriptors.size() == 1 || d.deployable().equals(consumer)) && max > partitions.asInt()) {
          findings.add(new Finding(d.path(), 0, d.deployable() + " scales " + consumer + " to " + max + " instances, "
              + "but the topic of channel " + channelId + " in " + Layout.ASYNCAPI + " has " + partitions.asInt()
              + " partitions", NAME));
        }
      }
    }
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    Optional<JsonNode> contract = ParsedContract.of(all);
    if (contract.isEmpty() || !contract.get().toString().contains("\"groupId\"")
        || ParsedContract.manifests(all).stream().anyMatch(d -> d.kind().equals("HorizontalPodAutoscaler"))) {
      return Optional.empty();
    }
    List<Descriptors> descriptors = Descriptors.of(all);
    if (descriptors.isEmpty()) {
      return Optional.of("no autoscaler is written (Compose on hosts runs one instance of each consumer)");
    }
    return descriptors.stream().allMatch(d -> d.maxInstances().isEmpty())
        ? Optional.of("the " + descriptors.get(0).platform() + " descriptors state no maximum (Application Auto "
            + "Scaling holds it, CAPACITY.md sizes the partitions for it)") : Optional.empty();
  }
}
