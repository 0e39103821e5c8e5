package dev.archforge.deliverable.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka topics have at least as many partitions as their consumers' autoscalers allow pods. */
class ConsumersWithinPartitionsTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<AsyncApiPlans.Named> variants() {
    return AsyncApiPlans.messagingVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyConsumerPodHasAPartition(AsyncApiPlans.Named named) {
    assertThat(new ConsumersWithinPartitions().validate(PIPELINE.render(Facts.of(named.plan()), RENDERER))).isEmpty();
  }

  @Test
  void aTopicWithFewerPartitionsThanConsumerPodsIsCaught() {
    List<Artifact> all = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml",
        AsyncApiPlans.sampleText("ecommerce.yaml"), "kafka", null,
        Map.of("messaging", "kafka", "architecture-style", "microservices")).plan()), RENDERER);
    List<Artifact> broken = all.stream().map(a -> a.path().equals(Layout.ASYNCAPI)
        ? new Artifact(a.path(), a.content().replaceAll("partitions: \\d+", "partitions: 1"), a.kind()) : a).toList();

    List<Finding> findings = new ConsumersWithinPartitions().validate(broken);

    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.path()).startsWith("deploy/k8s/").contains("inventory");
      assertThat(f.message()).contains("inventory").contains("1 partitions").contains(Layout.ASYNCAPI);
    });
  }
}
