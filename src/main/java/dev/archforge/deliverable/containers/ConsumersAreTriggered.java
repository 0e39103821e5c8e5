package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: when the deployment record decides {@code serverless}, every
 * receive operation of api/asyncapi.yaml has a trigger naming its channel and its consumer group,
 * subscription or queue: an event source mapping of the SAM template, a Container Apps KEDA scale
 * rule, a Cloud Run service that pulls (CPU kept between requests, its group and topics,
 * queues or subscriptions in its environment), or a Pub/Sub subscription that pushes to its service in every infra
 * root. Each folder of descriptors or templates is deployed on its own (production's, a cell's, backup-dr's
 * second region's), so each must start every consumer. A function that nothing triggers scales to zero and
 * never reads what it was sent.
 */
final class ConsumersAreTriggered implements CrossValidator {
  static final String NAME = "consumers-are-triggered";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SERVERLESS = Pattern.compile("(?m)^# \\d+\\. Deployment: serverless\\s*$");
  private static final Pattern PUSH = Pattern.compile("(?m)^\\s*\"([^\"]+)\" = \\{ endpoint = \"https://[^\"]+\"");
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?m)^\\s*\"([^\"]+)\" = \"([^\"]+)\"\\s*$");

  /** A trigger: the channel it names (empty: any), and the consumer group or subscription/queue. */
  private record Trigger(String channel, String group, String subscription) {
    boolean starts(String address, String opGroup, String queue) {
      return (channel.isEmpty() || channel.equals(address))
          && (!opGroup.isEmpty() ? opGroup.equals(group) : !queue.isEmpty() && queue.equals(subscription));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Artifact contract = all.stream().filter(a -> a.path().equals(Layout.ASYNCAPI)).findFirst().orElse(null);
    boolean serverless = all.stream().anyMatch(a -> a.path().matches("decisions/\\d+-deployment\\.md")
        && SERVERLESS.matcher(a.content()).find());
    if (contract == null || !serverless) {
      return List.of();
    }
    // each folder of descriptors or templates is deployed on its own (prod's, a cell's, the second region's):
    // every one of them must start each consumer; infra's push subscriptions serve them all
    Map<String, List<Trigger>> folders = new java.util.TreeMap<>();
    for (Artifact a : all) {
      List<Trigger> in = a.kind().equals(ContainerAppsValidator.KIND) || a.kind().equals(CloudRunValidator.KIND)
          || a.kind().equals(SamValidator.KIND) ? folders.computeIfAbsent(a.path().substring(0,
          Math.max(0, a.path().lastIndexOf('/'))), f -> new ArrayList<>()) : null;
      if (a.kind().equals(ContainerAppsValidator.KIND)) {
        scaleRules(read(a), in);
      } else if (a.kind().equals(CloudRunValidator.KIND)) {
        pulls(read(a), in);
      } else if (a.kind().equals(SamValidator.KIND)) {
        sourceMappings(read(a), in);
      }
    }
    List<Trigger> pushed = new ArrayList<>();
    pushes(all, pushed);
    if (folders.isEmpty()) {
      folders.put("", new ArrayList<>());
    }
    JsonNode doc = read(contract);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : doc.path("operations").properties()) {
      JsonNode o = op.getValue();
      if (!o.path("action").asText().equals("receive")) {
        continue;
      }
      String ref = o.at("/channel/$ref").asText().replaceFirst("^#/channels/", "");
      String address = doc.path("channels").path(ref).path("address").asText();
      String group = o.at("/bindings/kafka/groupId/enum/0").asText("");
      String queue = o.path("x-queue").asText("");
      if (group.isEmpty() && queue.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, List<Trigger>> folder : folders.entrySet()) {
        if (java.util.stream.Stream.concat(folder.getValue().stream(), pushed.stream())
            .anyMatch(t -> t.starts(address, group, queue))) {
          continue;
        }
        findings.add(new Finding(contract.path(), Math.max(1, YamlLines.of(contract.content())
            .line("/operations/" + op.getKey())), op.getKey() + " receives " + address + (group.isEmpty() ? ""
            : " in group " + group) + (queue.isEmpty() ? "" : " from " + queue) + " but no trigger starts it: no event"
            + " source mapping, KEDA scale rule, pulling Cloud Run service or Pub/Sub push subscription names it, so the"
            + " function never reads it" + (folders.size() > 1 ? " (as " + folder.getKey() + "/ deploys it)" : ""), NAME));
      }
    }
    return findings;
  }

  /** Container Apps: each custom scale rule's topic and group, topic and subscription, or queue. */
  private static void scaleRules(JsonNode app, List<Trigger> triggers) {
    for (JsonNode rule : app.at("/properties/template/scale/rules")) {
      JsonNode m = rule.at("/custom/metadata");
      switch (rule.at("/custom/type").asText()) {
        case "kafka" -> triggers.add(new Trigger(m.path("topic").asText(), m.path("consumerGroup").asText(), ""));
        case "azure-servicebus" -> triggers.add(new Trigger(m.path("topicName").asText(), "",
            m.path("subscriptionName").asText(m.path("queueName").asText())));
        case "rabbitmq" -> triggers.add(new Trigger("", "", m.path("queueName").asText()));
        default -> { }
      }
    }
  }

  /** AWS SAM: each event source mapping's topic and consumer group (MSK), SQS queue or Amazon MQ queue. */
  private static void sourceMappings(JsonNode template, List<Trigger> triggers) {
    for (JsonNode r : template.path("Resources")) {
      JsonNode p = r.path("Properties");
      if (!r.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")) {
        continue;
      }
      String arn = p.path("EventSourceArn").asText();
      if (p.has("Topics")) {
        triggers.add(new Trigger(p.at("/Topics/0").asText(), p.at("/AmazonManagedKafkaEventSourceConfig/"
            + "ConsumerGroupId").asText(), ""));
      } else if (p.has("Queues")) {
        triggers.add(new Trigger("", "", p.at("/Queues/0").asText()));
      } else if (arn.startsWith("arn:aws:sqs:")) {
        triggers.add(new Trigger("", "", arn.substring(arn.lastIndexOf(':') + 1)));
      }
    }
  }

  /** Cloud Run: a service that keeps its CPU and names its consumer group and topics, or its queues. */
  private static void pulls(JsonNode service, List<Trigger> triggers) {
    JsonNode template = service.at("/spec/template");
    if (!template.at("/metadata/annotations/run.googleapis.com~1cpu-throttling").asText().equals("false")) {
      return;
    }
    Map<String, String> env = new HashMap<>();
    template.at("/spec/containers/0/env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    String group = env.getOrDefault("KAFKA_CONSUMER_GROUP", "");
    for (String topic : env.getOrDefault("KAFKA_TOPICS", "").split(",")) {
      triggers.add(new Trigger(topic, group, ""));
    }
    for (String key : List.of("RABBITMQ_QUEUES", "PUBSUB_SUBSCRIPTIONS")) {
      for (String queue : env.getOrDefault(key, "").split(",")) {
        triggers.add(new Trigger("", "", queue));
      }
    }
  }

  /**
   * Infra: a Pub/Sub subscription pushes when every root that creates it gives it an endpoint; its
   * channel is the topic the root's subscriptions map names for it.
   */
  private static void pushes(List<Artifact> all, List<Trigger> triggers) {
    Map<String, String> topics = new HashMap<>();
    Map<String, Integer> created = new HashMap<>();
    Map<String, Integer> pushed = new HashMap<>();
    for (Artifact a : all) {
      if (!a.path().matches("infra/envs/[^/]+/main\\.tf")) {
        continue;
      }
      int push = a.content().indexOf("\n  push = {");
      int subscriptions = a.content().indexOf("\n  subscriptions = {");
      if (subscriptions < 0) {
        continue;
      }
      String map = a.content().substring(subscriptions, a.content().indexOf("\n  }", subscriptions));
      for (Matcher m = SUBSCRIPTION.matcher(map); m.find(); ) {
        topics.put(m.group(1), m.group(2));
        created.merge(m.group(1), 1, Integer::sum);
      }
      if (push >= 0) {
        for (Matcher m = PUSH.matcher(a.content().substring(push, a.content().indexOf("\n  }", push))); m.find(); ) {
          pushed.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    pushed.forEach((subscription, roots) -> {
      if (roots.equals(created.get(subscription))) {
        triggers.add(new Trigger(topics.get(subscription), "", subscription));
      }
    });
  }

  private static JsonNode read(Artifact a) {
    try {
      return YAML.readTree(a.content());
    } catch (JsonProcessingException e) {
      return YAML.createObjectNode(); // its own validator reports it
    }
  }
}
