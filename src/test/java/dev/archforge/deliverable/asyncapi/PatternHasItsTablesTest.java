package dev.archforge.deliverable.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox, event publication and processed-messages tables the AsyncAPI document promises are
 * created by the migrations of the services that send and receive.
 */
class PatternHasItsTablesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String SAMPLE = "ecommerce.yaml";

  static List<AsyncApiPlans.Named> variants() {
    List<AsyncApiPlans.Named> plans = new ArrayList<>(AsyncApiPlans.publishingSamples());
    plans.addAll(AsyncApiPlans.messagingVariants());
    return plans;
  }

  private static List<Artifact> artifacts(String label, Map<String, String> decisions) {
    return PIPELINE.render(Facts.of(AsyncApiPlans.variant(SAMPLE, AsyncApiPlans.sampleText(SAMPLE), label, null,
        decisions).plan()), RENDERER);
  }

  /** The artifacts with the CREATE TABLE of {@code table} taken out of one migration, up to its end. */
  private static List<Finding> dropped(List<Artifact> all, String path, String table) {
    Pattern create = Pattern.compile("(?s)CREATE TABLE " + table + " \\(.*?\\n\\);\\n");
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), create.matcher(a.content()).replaceFirst(""), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new PatternHasItsTables().validate(changed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyPromisedTableIsCreated(AsyncApiPlans.Named named) {
    assertThat(new PatternHasItsTables().validate(PIPELINE.render(Facts.of(named.plan()), RENDERER))).isEmpty();
  }

  @Test
  void anOutboxWithoutItsTableIsCaught() {
    List<Artifact> all = artifacts("outbox", Map.of("messaging", "kafka", "architecture-style", "microservices",
        "consistency", "outbox"));
    String orders = "db/orders/migrations/V1__initial_schema.sql";
    assertThat(dropped(all, orders, "outbox_event")).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("db/orders/migrations");
      assertThat(f.message()).contains("outbox_event").contains("api/asyncapi.yaml");
    });
    assertThat(dropped(all, "db/inventory/migrations/V1__initial_schema.sql", "processed_message")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("inventory").contains("processed_message"));
  }

  @Test
  void aMonolithWithoutABrokerHasItsPublicationTable() {
    List<Artifact> all = artifacts("in-process", Map.of("messaging", "none", "architecture-style",
        "modular-monolith"));
    assertThat(dropped(all, "db/orders/migrations/V1__initial_schema.sql", "event_publication")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("event_publication").contains("api/asyncapi.yaml"));
  }
}
