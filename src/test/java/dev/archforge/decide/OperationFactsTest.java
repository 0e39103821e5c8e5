package dev.archforge.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Decisions read the domain operations as facts: operations whose events other services act on make a saga. */
class OperationFactsTest {
  private static final Blueprint STANDARD =
      new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();

  private static String rides(String requestEmits, String completeEmits) {
    return """
        archforge: 1
        project: { name: rides, team: { size: 20 } }
        security: { roles: [rider, driver, admin] }
        services:
          trips:
            entities: [Trip]
            publishes: [TripRequested, TripCompleted]
          drivers:
            entities: [Driver]
            consumes: [TripRequested]
          payments:
            entities: [Payment]
            consumes: [TripCompleted]
        entities:
          Trip:
            fields:
              status: { type: enum, values: [requested, started, completed], default: requested }
            states: status
            operations:
              request: { scope: collection, roles: [rider]%s }
              complete: { from: [started], to: completed, roles: [driver]%s }
          Driver: { fields: { name: string } }
          Payment: { fields: { amount: decimal } }
        events:
          TripRequested: { fields: { tripId: uuid } }
          TripCompleted: { fields: { tripId: uuid } }
        decisions:
          architecture-style: microservices
          messaging: kafka
        """.formatted(requestEmits, completeEmits);
  }

  private static Plan plan(String yaml) {
    var loaded = new RequirementsLoader().load("rides.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    return new RuleDecider().decide(loaded.requirements().orElseThrow(), STANDARD);
  }

  @Test
  void twoOperationsWhoseEventsOtherServicesConsumeMakeASaga() {
    Decision consistency = plan(rides(", emits: TripRequested", ", emits: TripCompleted")).decision("consistency")
        .orElseThrow();
    assertThat(consistency.choice()).isEqualTo("saga");
    assertThat(consistency.rule()).isEqualTo("consistency.operation-saga");
  }

  @Test
  void withoutOperationsThatEmitTheSameEventsNeedOnlyAnOutbox() {
    assertThat(plan(rides("", "")).decision("consistency").orElseThrow().choice()).isEqualTo("outbox");
  }
}
