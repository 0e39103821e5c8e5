package dev.archforge.deliverable.observability;

import dev.archforge.deliverable.observability.AlertsView.Group;
import dev.archforge.deliverable.observability.AlertsView.Rule;
import dev.archforge.facts.AlertNames;
import dev.archforge.facts.messaging.MessageRoutes.Consumer;
import dev.archforge.model.Cloud;
import dev.archforge.model.Figure;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lag and dead letters per consuming service, in the metrics of the chosen broker's exporter:
 * kafka-exporter ({@code kafka_consumergroup_lag}), the RabbitMQ Prometheus plugin
 * ({@code rabbitmq_queue_messages_ready}), the Stackdriver exporter for Google Cloud Pub/Sub and
 * YACE (CloudWatch) for Amazon SQS. The topics, consumer groups, queues, subscriptions and dead
 * letters they watch are the ones the AsyncAPI document declares (facts/messaging).
 */
final class BrokerRules {
  static final int MIN_LAG = 1000;
  static final int MAX_AGE_SECONDS = 300;

  private final RunningSystem sys;
  private final Plan plan;
  private final Runbooks runbooks;

  BrokerRules(RunningSystem sys, Plan plan, Runbooks runbooks) {
    this.sys = sys;
    this.plan = plan;
    this.runbooks = runbooks;
  }

  /** Whether the broker has metrics these rules know: not for Azure or a cloud-neutral pub/sub. */
  boolean supported() {
    return AlertNames.watchesLag(sys.messaging(), sys.cloud());
  }

  Optional<Group> group() {
    List<Consumer> consumers = sys.consumers();
    if (!sys.broker() || !supported() || consumers.isEmpty()) {
      return Optional.empty();
    }
    List<Rule> rules = new ArrayList<>();
    for (Consumer c : consumers) {
      rules.add(lag(c));
      rules.add(deadLetters(c));
    }
    return Optional.of(new Group("broker", rules));
  }

  /** An input series for promtool that keeps the first consumer's lag above its threshold. */
  Optional<AlertTestsView.Series> testSeries() {
    List<Consumer> consumers = sys.consumers();
    if (!sys.broker() || !supported() || consumers.isEmpty()) {
      return Optional.empty();
    }
    Consumer c = consumers.get(0);
    long above = threshold(c) + 1;
    return Optional.of(switch (sys.messaging()) {
      case "kafka" -> new AlertTestsView.Series("kafka_consumergroup_lag{consumergroup=\"" + c.group()
          + "\",topic=\"" + c.topics().get(0) + "\"}", above + "+0x30");
      case "rabbitmq" -> new AlertTestsView.Series("rabbitmq_queue_messages_ready{queue=\"" + c.queues().get(0)
          + "\"}", above + "+0x30");
      default -> sys.cloud() == Cloud.GCP
          ? new AlertTestsView.Series("stackdriver_pubsub_subscription_pubsub_googleapis_com_subscription_oldest_"
              + "unacked_message_age{subscription_id=\"" + c.queues().get(0) + "\"}", (MAX_AGE_SECONDS * 2) + "+0x30")
          : new AlertTestsView.Series("aws_sqs_approximate_age_of_oldest_message_maximum{queue_name=\""
              + c.queues().get(0) + "\"}", (MAX_AGE_SECONDS * 2) + "+0x30");
    });
  }

  /** The lag alert of the first consumer, the one {@link #testSeries} exercises. */
  String firstLagAlert() {
    List<Consumer> consumers = sys.consumers();
    return consumers.isEmpty() ? "" : AlertNames.consumerLag(consumers.get(0).service());
  }

  /** The lag threshold of a consumer: a minute of its events at peak, at least {@value #MIN_LAG}. */
  long threshold(Consumer c) {
    double perSecond = 0;
    if (plan.capacity() != null) {
      for (String e : c.events()) {
        perSecond += plan.capacity().figure("eventRps." + e).map(Figure::value).orElse(0.0);
      }
    }
    return Math.max(MIN_LAG, (long) Math.ceil(perSecond * 60 - 1e-6)); // the figures carry float noise
  }

  String lagExpr(Consumer c) {
    return switch (sys.messaging()) {
      case "kafka" -> "sum(kafka_consumergroup_lag{consumergroup=\"" + c.group() + "\"," + matcher("topic", c.topics())
          + "}) > " + threshold(c);
      case "rabbitmq" -> "sum(rabbitmq_queue_messages_ready{" + matcher(label(), c.queues()) + "}) > " + threshold(c);
      default -> sys.cloud() == Cloud.GCP
          ? "max(stackdriver_pubsub_subscription_pubsub_googleapis_com_subscription_oldest_unacked_message_age{"
              + matcher(label(), c.queues()) + "}) > " + MAX_AGE_SECONDS
          : "max(aws_sqs_approximate_age_of_oldest_message_maximum{" + matcher(label(), c.queues()) + "}) > "
              + MAX_AGE_SECONDS;
    };
  }

  /** The label that names a topic (Kafka), queue or subscription in the exporter's metrics. */
  private String label() {
    return switch (sys.messaging()) {
      case "kafka" -> "topic";
      case "rabbitmq" -> "queue";
      default -> sys.cloud() == Cloud.GCP ? "subscription_id" : "queue_name";
    };
  }

  /**
   * A label matcher for exactly these names: {@code label="a"}, or {@code label=~"a|b"} with each
   * name's regular-expression characters escaped (a PromQL string doubles the backslash).
   */
  static String matcher(String label, List<String> names) {
    if (names.size() == 1) {
      return label + "=\"" + names.get(0) + "\"";
    }
    List<String> quoted = names.stream().map(n -> n.replaceAll("([.\\\\$^*+?()\\[\\]{}|])", "\\\\\\\\$1"))
        .toList();
    return label + "=~\"" + String.join("|", quoted) + "\"";
  }

  private Rule lag(Consumer c) {
    boolean age = sys.messaging().equals("cloud-pubsub");
    String limit = age ? "its oldest message is more than " + MAX_AGE_SECONDS + " seconds old"
        : "more than " + threshold(c) + " messages wait (a minute of its events at peak)";
    return Rule.alerting(AlertNames.consumerLag(c.service()), lagExpr(c), "10m", "page",
        c.service() + " falls behind on " + String.join(", ", c.events()),
        "For 10 minutes " + limit + " for " + c.service() + " on " + sys.brokerName() + ".",
        "`" + c.service() + "` does not keep up with " + String.join(", ", c.events()) + ": what it derives from "
            + "them is stale and grows staler.",
        List.of("Is `" + c.service() + "` consuming at all? Its pods, restarts and error logs; a poison message "
                + "blocks its " + unit() + " until it reaches the dead-letter queue.",
            "Rate in against rate out: a burst of events, or a slower consumer after a rollout. "
                + runbooks.rollback(sys.deployableOf(sys.services().stream()
                    .filter(s -> s.name().equals(c.service())).findFirst().orElseThrow())),
            switch (sys.messaging()) {
              case "kafka" -> "`kafka-consumer-groups.sh --describe --group " + c.group() + "`: lag per "
                  + "partition; one hot partition points to a skewed key.";
              case "rabbitmq" -> "The queue " + codes(c.queues()) + " in the RabbitMQ management UI: consumers "
                  + "connected and their prefetch.";
              default -> (sys.cloud() == Cloud.AWS ? "The queue " : "The subscriptions ") + codes(c.queues())
                  + " in the cloud console: backlog and delivery attempts.";
            },
            "Scale the consumer out"
                + (sys.messaging().equals("kafka") ? " up to the number of partitions of its topics." : ".")));
  }

  private static String codes(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private String unit() {
    return switch (sys.messaging()) {
      case "kafka" -> "partition";
      case "rabbitmq" -> "queue";
      default -> "subscription";
    };
  }

  private Rule deadLetters(Consumer c) {
    String dlq = matcher(label(), c.deadLetters());
    String expr = switch (sys.messaging()) {
      case "kafka" -> "sum(increase(kafka_topic_partition_current_offset{" + dlq + "}[15m])) > 0";
      case "rabbitmq" -> "sum(rabbitmq_queue_messages_ready{" + dlq + "}) > 0";
      default -> sys.cloud() == Cloud.GCP
          ? "sum(stackdriver_pubsub_subscription_pubsub_googleapis_com_subscription_num_undelivered_messages{"
              + dlq + "}) > 0"
          : "sum(aws_sqs_approximate_number_of_messages_visible_maximum{" + dlq + "}) > 0";
    };
    return Rule.alerting(AlertNames.deadLetters(c.service()), expr, "5m", "ticket",
        c.service() + " parked events in its dead-letter queue",
        "Events that " + c.service() + " could not process after its retries are in a dead-letter queue.",
        "`" + c.service() + "` gave up on some events of " + String.join(", ", c.events()) + " after retrying: "
            + "their effects are missing until they are replayed.",
        List.of("Read the parked events in " + codes(c.deadLetters()) + " and the consumer's error logs for their ids: a bug, bad data or a "
                + "dependency that was down?",
            "Fix the cause, then replay the events from the dead-letter queue; the consumer skips event ids it "
                + "has already processed.",
            "If the publisher sent invalid events, fix the publisher too."));
  }
}
