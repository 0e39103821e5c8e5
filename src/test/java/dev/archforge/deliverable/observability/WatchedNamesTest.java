package dev.archforge.deliverable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lag and dead-letter alerts watch the topics, consumer groups, queues and subscriptions that
 * the AsyncAPI document declares, under every messaging choice; an alert on another name is caught.
 */
class WatchedNamesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<AsyncApiPlans.Named> variants() {
    return AsyncApiPlans.messagingVariants();
  }

  private static List<Artifact> artifacts(AsyncApiPlans.Named named) {
    return PIPELINE.render(Facts.of(named.plan()), RENDERER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyWatchedNameIsDeclared(AsyncApiPlans.Named named) {
    List<Artifact> all = artifacts(named);

    assertThat(new WatchedNames().validate(all)).isEmpty();
  }

  @Test
  void theRuleReadsEveryNameOfAnExpression() {
    assertThat(WatchedNames.watched("sum(kafka_consumergroup_lag{consumergroup=\"shop.inventory\","
        + "topic=~\"shop\\\\.a\\\\.v1|shop\\\\.b\\\\.v1\"}) > 5"))
        .containsExactly("shop.inventory", "shop.a.v1", "shop.b.v1");
  }

  @Test
  void anAlertOnATopicTheContractDoesNotDeclareIsCaught() {
    List<Artifact> all = artifacts(AsyncApiPlans.variant("ecommerce.yaml", AsyncApiPlans.sampleText("ecommerce.yaml"),
        "kafka", null, java.util.Map.of("messaging", "kafka")));
    List<Artifact> broken = new ArrayList<>();
    for (Artifact a : all) {
      broken.add(a.path().equals(Layout.ASYNCAPI)
          ? new Artifact(a.path(), a.content().replace("shop.orders.order-placed.v1", "shop.orders.order-placed.v2"),
              a.kind())
          : a);
    }

    List<Finding> findings = new WatchedNames().validate(broken);

    assertThat(findings).isNotEmpty();
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.path()).isEqualTo("observability/alerts.yaml");
      assertThat(f.line()).isPositive();
      assertThat(f.message()).contains(Layout.ASYNCAPI).contains("shop.orders.order-placed.v1");
    });
  }

  @Test
  void theRuleRunsInEveryGeneration() {
    assertThat(PIPELINE.validate(brokenGroup())).anySatisfy(f -> assertThat(f.validator())
        .isEqualTo(WatchedNames.NAME));
  }

  private static List<Artifact> brokenGroup() {
    List<Artifact> all = artifacts(AsyncApiPlans.variant("ecommerce.yaml", AsyncApiPlans.sampleText("ecommerce.yaml"),
        "kafka", null, java.util.Map.of("messaging", "kafka")));
    return all.stream().map(a -> a.path().equals("observability/alerts.yaml")
        ? new Artifact(a.path(), a.content().replace("consumergroup=\\\"shop.inventory\\\"",
            "consumergroup=\\\"inventory\\\""), a.kind())
        : a).toList();
  }
}
