package dev.archforge.deliverable.containers;

import java.util.List;

/**
 * One deployable as an AWS Lambda function in the SAM template: its container (image, environment),
 * its size and concurrency from CAPACITY.md, what its policy allows and the sources it consumes.
 *
 * @param container the deployable's descriptor view (environment, secrets, region, account)
 * @param env its environment: the container's, callees by their function ARN, and where its secrets are
 * @param logicalId the template's resource name ({@code OrdersFunction})
 * @param functionName {@code <project>-<deployable>}
 * @param imageUri the image in the account's ECR repository (Lambda runs images from ECR only)
 * @param memoryMb at least the memory CAPACITY.md sizes, and enough for its CPU (1,769 MB a vCPU)
 * @param reserved the concurrency ceiling: twice the peak's concurrent requests (rate × p99 latency),
 *     at least the floor
 * @param provisioned the warm floor: CAPACITY.md's instance floor
 * @param secretArn the deployable's secret in Secrets Manager; empty when it has none
 * @param invokes the ARNs of the functions it calls
 * @param sources one event source mapping per topic or queue it consumes
 */
public record FunctionView(
    ContainerView container,
    List<ContainerView.Entry> env,
    String logicalId,
    String functionName,
    String imageUri,
    int memoryMb,
    int reserved,
    int provisioned,
    String secretArn,
    List<String> invokes,
    List<Source> sources) {
  public FunctionView {
    env = List.copyOf(env);
    invokes = List.copyOf(invokes);
    sources = List.copyOf(sources);
  }

  /**
   * An event source mapping to the plan's broker.
   *
   * @param kind {@code msk}, {@code sqs} or {@code mq}
   * @param arn the topic's cluster, the queue or the broker
   * @param name the topic or queue it reads
   * @param group the Kafka consumer group; empty otherwise
   * @param readArns what the function's policy lets it read from the source
   * @param actions the actions on them
   */
  public record Source(String logicalId, String kind, String arn, String name, String group, List<String> readArns,
      List<String> actions) {
    public Source {
      readArns = List.copyOf(readArns);
      actions = List.copyOf(actions);
    }
  }
}
