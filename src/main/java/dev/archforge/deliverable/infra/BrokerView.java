package dev.archforge.deliverable.infra;

import java.util.List;

/**
 * The broker.
 *
 * @param technology {@code kafka} or {@code rabbitmq}
 * @param nodes brokers (one per zone)
 * @param storageGb storage per broker
 * @param throughputUnits Event Hubs units (Azure): Premium's processing units, Standard's throughput units
 * @param vcpu Managed Kafka's vCPU (Google Cloud)
 * @param memoryBytes Managed Kafka's memory (Google Cloud)
 * @param port the port clients reach it on, as the manifests name it (443 for the pub/sub APIs)
 * @param mutualTls whether clients authenticate with certificates of the project's private CA
 *     rather than SASL/SCRAM passwords (the authentication decision, as {@code Deployables.mutualTls})
 * @param clients the deployables that connect to it, in order
 */
public record BrokerView(String name, String technology, String instance, int nodes, int storageGb,
    int throughputUnits, int vcpu, long memoryBytes, List<TopicView> topics, List<SubscriptionView> subscriptions, String sizing, int port,
    boolean mutualTls, List<String> clients) {
  public BrokerView {
    topics = List.copyOf(topics);
    subscriptions = List.copyOf(subscriptions);
    clients = List.copyOf(clients);
  }

  /** The cloud's publish/subscribe service: topics and subscriptions, no host of its own. */
  public boolean pubsub() {
    return technology.equals("cloud-pubsub");
  }

  /** The deployables a subscription pushes to, each once: their identities sign the pushes. */
  public List<String> pushedDeployables() {
    return subscriptions.stream().map(SubscriptionView::pushDeployable).filter(d -> !d.isEmpty()).distinct().toList();
  }

  /** The subscriptions' names without repeats: SQS has one queue per consumer for all its topics. */
  public List<String> queues() {
    return subscriptions.stream().map(SubscriptionView::name).distinct().toList();
  }

  /**
   * Where a consumer reads a topic of the cloud's pub/sub service, as api/asyncapi.yaml names it.
   *
   * @param name its subscription (Pub/Sub, Service Bus) or queue (SQS)
   * @param key unique per subscription of the topic, for a resource key
   * @param pushEndpoint the Cloud Run service it pushes to (functions on gcp); empty when its consumer pulls
   * @param pushDeployable the deployable behind {@code pushEndpoint}, whose identity signs the pushes
   */
  public record SubscriptionView(String name, String topic, String key, String pushEndpoint, String pushDeployable) {
    /** A subscription its consumer pulls from. */
    public SubscriptionView(String name, String topic, String key) {
      this(name, topic, key, "", "");
    }
  }

  /** A topic the AsyncAPI document declares, with its partitions from CAPACITY.md. */
  public record TopicView(String name, int partitions) {}
}
