package dev.archforge.deliverable.containers;

import dev.archforge.facts.Naming;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds each deployable's Lambda function for the SAM template from its container view, CAPACITY.md
 * and the plan's message routes: memory and concurrency from the sizing, an invoke permission per
 * callee, and an event source mapping per topic (Amazon MSK) or queue (SQS, Amazon MQ for RabbitMQ)
 * it consumes.
 */
final class Functions {
  /** Lambda's memory per vCPU: a function gets one full vCPU at 1,769 MB. */
  static final int MB_PER_VCPU = 1769;

  private Functions() {}

  static FunctionView of(ContainerView v, Deployable d, LambdaAdapter adapter, MessageRoutes routes,
      int latencyP99Ms) {
    ServiceSizing s = d.sizing();
    String prefix = "arn:aws:lambda:" + v.region() + ":" + v.account() + ":function:" + v.project() + "-";
    int memory = Math.min(10240, Math.max(128, Math.max(s.memoryMib(),
        (int) Math.ceil(s.cpuMillis() * MB_PER_VCPU / 1000.0))));
    int peak = (int) Math.ceil(s.rps() * latencyP99Ms / 1000.0);
    int provisioned = Math.max(1, s.hpaMin());
    int reserved = Math.max(provisioned, 2 * peak);
    String secret = d.secrets().isEmpty() ? "" : "arn:aws:secretsmanager:" + v.region() + ":" + v.account()
        + ":secret:" + v.project() + "/" + d.name();
    List<ContainerView.Entry> env = new ArrayList<>();
    for (ContainerView.Entry e : v.env()) {
      String callee = d.calls().stream().filter(c -> e.key().equals(Naming.snake(c).toUpperCase(Locale.ROOT)
          + "_ADDRESS")).findFirst().orElse(null);
      if (callee != null) {
        env.add(new ContainerView.Entry(e.key(), prefix + callee + ":live"));
      } else {
        // an execution environment serves one request at a time: one connection, pooled by RDS Proxy
        env.add(e.key().equals("DB_POOL_SIZE") ? new ContainerView.Entry(e.key(), "1") : e);
      }
    }
    // the AWS Lambda Web Adapter in the image turns invocations into HTTP requests to the service's port
    adapter.env().forEach(a -> env.add(new ContainerView.Entry(a.key(), a.cluster())));
    if (!secret.isEmpty()) {
      env.add(new ContainerView.Entry("SECRETS_ARN", secret));
      env.add(new ContainerView.Entry("SECRETS_KEYS", String.join(",", d.secrets())));
    }
    return new FunctionView(v, env, CloudNames.lambdaLogicalId(d.name()), CloudNames.lambdaFunction(v.project(), d.name()),
        v.image(), memory, reserved, provisioned, secret, d.calls().stream().map(c -> prefix + c + ":live").toList(),
        sources(v, d, routes));
  }

  private static List<FunctionView.Source> sources(ContainerView v, Deployable d, MessageRoutes routes) {
    String at = v.region() + ":" + v.account() + ":";
    List<FunctionView.Source> sources = new ArrayList<>();
    for (MessageRoutes.Consumer c : routes.consumers()) {
      if (!d.modules().contains(c.service())) {
        continue;
      }
      switch (routes.transport()) {
        case KAFKA -> {
          String cluster = "arn:aws:kafka:" + at + "cluster/" + v.project() + "/00000000-0000-0000-0000-000000000000-1";
          String scope = at + "%s/" + v.project() + "/00000000-0000-0000-0000-000000000000-1/";
          for (String topic : c.topics()) {
            sources.add(new FunctionView.Source(logicalId(d.name() + "-" + topic, "Source"), "msk", cluster, topic,
                c.group(), List.of(cluster, "arn:aws:kafka:" + scope.formatted("topic") + topic,
                    "arn:aws:kafka:" + scope.formatted("group") + c.group()),
                List.of("kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers", "kafka-cluster:Connect",
                    "kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup", "kafka-cluster:DescribeTopic",
                    "kafka-cluster:ReadData")));
          }
        }
        case AWS_SNS_SQS -> {
          for (String queue : c.queues()) {
            String arn = "arn:aws:sqs:" + at + queue;
            sources.add(new FunctionView.Source(logicalId(d.name() + "-" + queue, "Source"), "sqs", arn, queue, "",
                List.of(arn), List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")));
          }
        }
        case RABBITMQ -> {
          String broker = "arn:aws:mq:" + at + "broker:" + v.project() + ":b-00000000-0000-0000-0000-000000000000";
          for (String queue : c.queues()) {
            sources.add(new FunctionView.Source(logicalId(d.name() + "-" + queue, "Source"), "mq", broker, queue, "",
                List.of(broker), List.of("mq:DescribeBroker")));
          }
        }
        default -> { }
      }
    }
    return sources;
  }

  /** A CloudFormation logical id: letters and digits only ({@code orders-order-placed} → {@code OrdersOrderPlaced}). */
  static String logicalId(String name, String suffix) {
    return Naming.pascal(name.replaceAll("[^A-Za-z0-9]+", "-")) + suffix;
  }
}
