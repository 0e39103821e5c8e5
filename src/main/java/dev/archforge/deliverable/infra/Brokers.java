package dev.archforge.deliverable.infra;

import dev.archforge.deliverable.infra.BrokerView.SubscriptionView;
import dev.archforge.deliverable.infra.BrokerView.TopicView;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Endpoints.Endpoint;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.model.Cloud;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/** The broker of a root module: a managed Kafka or RabbitMQ sized from the event rates, or the cloud's publish/subscribe. */
final class Brokers {
  /** The topics' retention and replicas, as api/asyncapi.yaml declares them. */
  static final int RETENTION_DAYS = 7;
  static final int TOPIC_REPLICAS = 3;
  /** Average event size assumed for broker storage, in KB. */
  static final double EVENT_KB = 1;
  /** Events per second one Event Hubs throughput unit takes in. */
  static final int EVENTS_PER_THROUGHPUT_UNIT = 1000;

  private final Facts facts;
  private final Plan plan;
  private final Cloud cloud;

  Brokers(Facts facts) {
    this.facts = facts;
    this.plan = facts.plan();
    this.cloud = plan.requirements().project().cloud();
  }

  /** Whether this cloud offers the broker as a managed service archforge writes. */
  boolean managed(String technology) {
    return technology.equals("kafka") || technology.equals("rabbitmq") && cloud == Cloud.AWS;
  }

  /** A managed Kafka or RabbitMQ broker, sized from CAPACITY.md's event rates (dev and staging the smallest). */
  BrokerView broker(Endpoint e, boolean small) {
    MessageRoutes routes = facts.messaging();
    List<TopicView> topics = routes.channels().stream().map(c -> new TopicView(c.address(),
        (int) Math.round(plan.capacity().figure("partitions." + c.event().name()).map(Figure::value).orElse(3.0)))).toList();
    double eventRps = plan.capacity().figures().stream().filter(f -> f.key().startsWith("eventRps."))
        .mapToDouble(Figure::value).sum();
    int nodes = 3;
    int storage = Math.max(100, (int) Math.ceil(eventRps * EVENT_KB * RETENTION_DAYS * 86_400 / 1e6 * TOPIC_REPLICAS
        / nodes * 1.5));
    int units = Math.max(1, Math.min(16, (int) Math.ceil(eventRps / EVENTS_PER_THROUGHPUT_UNIT)));
    if (cloud == Cloud.AZURE) {
      // Event Hubs: Premium takes 1, 2, 4, 8 or 16 processing units and 100 partitions a hub, Standard 32
      units = Integer.highestOneBit(units) == units ? units : Integer.highestOneBit(units) * 2;
      int most = small ? 32 : 100;
      topics = topics.stream().map(t -> new TopicView(t.name(), Math.min(most, t.partitions()))).toList();
    }
    String how = "storage per broker " + storage + " GB = max(100, Σ eventRps " + Driver.number(eventRps) + " × "
        + Driver.number(EVENT_KB) + " KB × " + RETENTION_DAYS + " days × " + TOPIC_REPLICAS + " replicas / " + nodes
        + " brokers × 1.5)" + (cloud == Cloud.AZURE ? "; Event Hubs units " + units + " = ceil(Σ eventRps / "
        + EVENTS_PER_THROUGHPUT_UNIT + ") to a power of two" : "");
    return new BrokerView(e.name(), e.technology(), Clouds.broker(cloud, e.technology(), small), nodes,
        small ? 100 : storage, small ? 1 : units, topics, List.of(), small ? "the smallest size" : how, e.port(),
        Deployables.mutualTls(plan), e.users());
  }

  /** The cloud's publish/subscribe service: a topic per channel, a subscription (or queue) per consumer and topic. */
  BrokerView pubsub() {
    MessageRoutes routes = facts.messaging();
    String project = plan.requirements().project().name();
    List<TopicView> topics = routes.channels().stream().map(c -> new TopicView(c.address(), 0)).distinct().toList();
    List<SubscriptionView> subscriptions = new ArrayList<>();
    List<ConsumerTrigger> pushes = ConsumerTrigger.of(plan, facts.deployables(), routes).stream()
        .filter(t -> t.kind().equals("pubsub-push")).toList();
    for (MessageRoutes.Consumer c : routes.consumers()) {
      for (String topic : c.topics()) {
        String name = routes.transport().queue(project, c.service(), topic);
        // functions on Cloud Run are pushed their messages: nothing runs to pull them
        subscriptions.add(pushes.stream().filter(t -> t.subscription().equals(name)).findFirst()
            .map(t -> new SubscriptionView(name, topic, name + "|" + topic,
                ConsumerTrigger.cloudRunUrl(t.deployable(), "${data.google_project.this.number}", "${var.region}")
                    + ConsumerTrigger.PUSH_PATH, t.deployable()))
            .orElse(new SubscriptionView(name, topic, name + "|" + topic)));
      }
    }
    return new BrokerView("pubsub", "cloud-pubsub", "", 0, 0, 0, topics, subscriptions,
        "a topic per channel of api/asyncapi.yaml, a subscription per consumer and topic", 443, false, List.of());
  }
}
