package dev.archforge.facts.deploy;

import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.facts.messaging.Transport;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * What starts a consumer when it runs as a function off AWS (on AWS, the SAM template's event source
 * mappings do). A function that scales to zero between requests never reads its broker by itself,
 * so each channel a deployable receives gets a trigger, named from the same messaging facts as the
 * AsyncAPI document:
 * <ul>
 *   <li>{@code pubsub-push} (Google Pub/Sub): the consumer's subscription pushes each message to its
 *       Cloud Run service ({@link #PUSH_PATH}), with an OIDC token of the service's identity;
 *   <li>{@code kafka}, {@code azure-servicebus}, {@code rabbitmq} on Azure: a Container Apps (KEDA)
 *       scale rule on the consumer group's lag or the subscription's or queue's length, which wakes
 *       the consumer and adds replicas; the consumer then reads the broker itself;
 *   <li>{@code kafka}, {@code rabbitmq} on Cloud Run (gcp, and Knative for cloud any), and the
 *       unnamed pub/sub service of cloud any ({@code pubsub-pull}): Cloud Run has no trigger for
 *       them, so the service keeps its CPU between requests and its instance floor, and reads its
 *       consumer group, queues or subscriptions itself.
 * </ul>
 *
 * @param deployable the deployable that consumes
 * @param kind {@code pubsub-push}, {@code pubsub-pull}, {@code kafka}, {@code azure-servicebus}, {@code rabbitmq}
 * @param channel the address of the channel it receives (the topic; the routing key on RabbitMQ)
 * @param group the Kafka consumer group; empty otherwise
 * @param subscription the subscription or queue it reads; empty on Kafka
 */
public record ConsumerTrigger(String deployable, String kind, String channel, String group, String subscription) {
  /** The path of a consumer's service that Pub/Sub pushes its messages to. */
  public static final String PUSH_PATH = "/pubsub/push";

  /** Each consuming deployable's triggers; empty unless the plan runs functions off AWS. */
  public static List<ConsumerTrigger> of(Plan plan, List<Deployable> deployables, MessageRoutes routes) {
    if (!Deployables.choice(plan, "deployment", "").equals("serverless")
        || plan.requirements().project().cloud() == Cloud.AWS) {
      return List.of();
    }
    String kind = switch (routes.transport()) {
      case GOOGLE_PUBSUB -> "pubsub-push";
      case KAFKA -> "kafka";
      case AZURE_SERVICE_BUS -> "azure-servicebus";
      case RABBITMQ -> "rabbitmq";
      case UNNAMED_BROKER -> "pubsub-pull";
      default -> "";
    };
    List<ConsumerTrigger> triggers = new ArrayList<>();
    for (Deployable d : deployables) {
      for (MessageRoutes.Consumer c : routes.consumers()) {
        if (kind.isEmpty() || !d.modules().contains(c.service())) {
          continue;
        }
        for (String topic : c.topics()) {
          String queue = routes.transport().queue(routes.project(), c.service(), topic);
          // a RabbitMQ consumer reads one queue bound to every routing key it receives
          if (routes.transport() == Transport.RABBITMQ && triggers.stream()
              .anyMatch(t -> t.deployable().equals(d.name()) && t.subscription().equals(queue))) {
            continue;
          }
          triggers.add(new ConsumerTrigger(d.name(), kind, topic, c.group(),
              queue));
        }
      }
    }
    return List.copyOf(triggers);
  }

  /** The triggers of one deployable. */
  public static List<ConsumerTrigger> of(List<ConsumerTrigger> all, String deployable) {
    return all.stream().filter(t -> t.deployable().equals(deployable)).toList();
  }

  /**
   * What a Cloud Run service's URL in a descriptor names in place of the Google Cloud project's number,
   * which only the project knows: each deploy job puts its project's number there.
   */
  public static final String PROJECT_NUMBER = "PROJECT_NUMBER";

  /** A Cloud Run service's URL as descriptors name it, with {@link #PROJECT_NUMBER} for the project's number. */
  public static String cloudRunUrl(String service, String region) {
    return cloudRunUrl(service, PROJECT_NUMBER, region);
  }

  /**
   * A Cloud Run service's deterministic URL, {@code https://<service>-<project number>.<region>.run.app},
   * with the project's number and region as given (literals, or OpenTofu expressions in infra/).
   */
  public static String cloudRunUrl(String service, String projectNumber, String region) {
    return "https://" + service + "-" + projectNumber + "." + region + ".run.app";
  }
}
