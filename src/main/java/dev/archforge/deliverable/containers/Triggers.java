package dev.archforge.deliverable.containers;

import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.KafkaAuth;
import dev.archforge.facts.deploy.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A consuming deployable's triggers as its descriptor writes them (facts/deploy/ConsumerTrigger
 * decides them). On Container Apps, a KEDA scale rule per channel: the Kafka consumer group's lag
 * (Event Hubs' Kafka endpoint, with the broker user's credentials from Key Vault), the Service Bus
 * subscription's length (read with the app's own managed identity, no connection string), or the
 * RabbitMQ queue's length. On Cloud Run, Kafka, RabbitMQ and cloud any's unnamed pub/sub consumers
 * pull: their group and topics, queues or subscriptions go into the environment and the service
 * keeps its CPU between requests. Pub/Sub pushes to
 * the service from its subscription in infra, so the descriptor has nothing to add.
 */
final class Triggers {
  /** Messages waiting per replica before KEDA adds one. */
  static final int BACKLOG_PER_REPLICA = 100;

  private Triggers() {}

  /** The view with its triggers; unchanged when it has none. */
  static ContainerView of(Platform platform, ContainerView v, Deployable d, List<ConsumerTrigger> all) {
    List<ConsumerTrigger> own = ConsumerTrigger.of(all, d.name());
    if (own.isEmpty()) {
      return v;
    }
    if (platform == Platform.CONTAINER_APPS) {
      List<ContainerView.Trigger> rules = new ArrayList<>();
      for (ConsumerTrigger t : own) {
        rules.add(scaleRule(v, d, t, rules.size()));
      }
      return v.with(rules, List.of());
    }
    List<ConsumerTrigger> pulled = own.stream().filter(t -> !t.kind().equals("pubsub-push")).toList();
    if (pulled.isEmpty()) {
      return v;
    }
    List<ContainerView.Entry> env = new ArrayList<>();
    if (pulled.get(0).kind().equals("kafka")) {
      env.add(new ContainerView.Entry("KAFKA_CONSUMER_GROUP", pulled.get(0).group()));
      env.add(new ContainerView.Entry("KAFKA_TOPICS", String.join(",",
          pulled.stream().map(ConsumerTrigger::channel).toList())));
    } else {
      env.add(new ContainerView.Entry(pulled.get(0).kind().equals("rabbitmq") ? "RABBITMQ_QUEUES"
          : "PUBSUB_SUBSCRIPTIONS", String.join(",", pulled.stream().map(ConsumerTrigger::subscription).distinct()
          .toList())));
    }
    return v.with(List.of(new ContainerView.Trigger("pull", "pull", List.of(), List.of(), "")), env);
  }

  private static ContainerView.Trigger scaleRule(ContainerView v, Deployable d, ConsumerTrigger t, int index) {
    String name = (d.name() + "-" + t.kind() + "-" + (index + 1)).toLowerCase(Locale.ROOT);
    String backlog = String.valueOf(BACKLOG_PER_REPLICA);
    List<ContainerView.Entry> auth = new ArrayList<>();
    if (d.secrets().contains("BROKER_USERNAME")) {
      auth.add(new ContainerView.Entry("username", "broker-username"));
      auth.add(new ContainerView.Entry("password", "broker-password"));
    }
    return switch (t.kind()) {
      case "kafka" -> new ContainerView.Trigger(name, "kafka", List.of(
          new ContainerView.Entry("bootstrapServers", setting(d, "KAFKA_BOOTSTRAP_SERVERS")),
          new ContainerView.Entry("consumerGroup", t.group()),
          new ContainerView.Entry("topic", t.channel()),
          new ContainerView.Entry("lagThreshold", backlog),
          new ContainerView.Entry("sasl", auth.isEmpty() ? "none"
              : KafkaAuth.keda(setting(d, "KAFKA_SASL_MECHANISM"))),
          new ContainerView.Entry("tls", "enable")), auth, "");
      case "azure-servicebus" -> new ContainerView.Trigger(name, "azure-servicebus", List.of(
          new ContainerView.Entry("namespace", v.group() + "-bus"), // the root's resource group, as infra names it
          new ContainerView.Entry("topicName", t.channel()),
          new ContainerView.Entry("subscriptionName", t.subscription()),
          new ContainerView.Entry("messageCount", backlog)), List.of(), v.identity());
      default -> new ContainerView.Trigger(name, "rabbitmq", List.of(
          new ContainerView.Entry("host", "amqps://" + setting(d, "RABBITMQ_HOST") + ":"
              + setting(d, "RABBITMQ_PORT") + "/"),
          new ContainerView.Entry("queueName", t.subscription()),
          new ContainerView.Entry("mode", "QueueLength"),
          new ContainerView.Entry("value", backlog)), auth, "");
    };
  }

  private static String setting(Deployable d, String key) {
    return d.settings().stream().filter(s -> s.key().equals(key)).map(Setting::cluster).findFirst().orElse("");
  }
}
