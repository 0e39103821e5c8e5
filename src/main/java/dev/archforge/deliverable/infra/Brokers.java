package dev.archforge.deliverable.infra;

import dev.archforge.decide.capacity.BrokerSize;
import dev.archforge.deliverable.infra.BrokerView.SubscriptionView;
import dev.archforge.deliverable.infra.BrokerView.TopicView;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.Endpoints.Endpoint;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.model.Cloud;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/** The broker of a root module: a managed Kafka or RabbitMQ sized from the event rates, or the cloud's publish/subscribe. */
final class Brokers {
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

  /**
   * A managed Kafka or RabbitMQ broker at CAPACITY.md's {@link BrokerSize} (dev and staging the
   * smallest): MSK's brokers and their storage, Managed Kafka's vCPU and memory, Event Hubs' units.
   */
  BrokerView broker(Endpoint e, boolean small) {
    MessageRoutes routes = facts.messaging();
    List<TopicView> topics = routes.channels().stream().map(c -> new TopicView(c.address(),
        (int) Math.round(plan.capacity().figure("partitions." + c.event().name()).map(Figure::value).orElse(3.0)))).toList();
    BrokerSize size = BrokerSize.of(plan.requirements(), plan.capacity());
    String how = size.storageFormula();
    if (cloud == Cloud.AZURE) {
      // Event Hubs: Premium takes 100 partitions a hub, Standard 32
      int most = small ? 32 : 100;
      topics = topics.stream().map(t -> new TopicView(t.name(), Math.min(most, t.partitions()))).toList();
      how = "Event Hubs Premium " + size.unitsFormula();
    } else if (cloud == Cloud.GCP) {
      how = "Managed Kafka " + size.kafkaFormula();
    }
    int vcpu = small ? BrokerSize.KAFKA_MIN_VCPU : size.kafkaVcpu();
    return new BrokerView(e.name(), e.technology(), Clouds.broker(cloud, e.technology(), small), BrokerSize.BROKERS,
        small ? BrokerSize.MIN_STORAGE_GB : size.storageGb(), small ? 1 : size.processingUnits(), vcpu,
        vcpu * BrokerSize.KAFKA_GIB_PER_VCPU * 1024L * 1024 * 1024, topics, List.of(),
        small ? "the smallest size" : how, e.port(), Deployables.mutualTls(plan), e.users());
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
    return new BrokerView("pubsub", "cloud-pubsub", "", 0, 0, 0, 0, 0, topics, subscriptions,
        "a topic per channel of api/asyncapi.yaml, a subscription per consumer and topic", 443, false, List.of());
  }
}
