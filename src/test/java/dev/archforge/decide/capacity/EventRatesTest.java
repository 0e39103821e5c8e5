package dev.archforge.decide.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Capacity;
import dev.archforge.model.Requirements;
import dev.archforge.model.ServiceSizing;
import dev.archforge.pipeline.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Event rates by kind, and the partitions and consumer replicas that follow them. */
class EventRatesTest {
  private static final String KAFKA_MICROSERVICES = "architecture-style microservices database postgresql"
      + " messaging kafka";

  private static final Blueprint STANDARD = new BlueprintLoader(Pipeline.deliverableIds())
      .load("standard", Path.of(".")).blueprint().orElseThrow();

  private static Capacity size(String yaml) {
    Requirements r = Inputs.yaml(yaml);
    return SizingCalculator.size(r, Inputs.STANDARD, BaselineCalculator.compute(r, Inputs.STANDARD),
        Inputs.choices(KAFKA_MICROSERVICES.split(" ")));
  }

  private static double value(Capacity c, String key) {
    return c.figure(key).orElseThrow(() -> new AssertionError("no figure " + key)).value();
  }

  private static String system(String eventName, String eventExtra) {
    return """
        archforge: 1
        project:
          name: demo
        scale:
          peakRps: 20000
          readRatio: 0.5
          availability: 99.9
        services:
          api:
            exposure: public
            entities: [Item, Tag]
            publishes: [%1$s]
          worker:
            entities: [Job]
            consumes: [%1$s]
        entities:
          Item:
            fields:
              name: string
          Tag:
            fields:
              label: string
          Job:
            fields:
              itemId: uuid
        events:
          %1$s:
        %2$s
            fields:
              itemId: uuid
        """.formatted(eventName, eventExtra.indent(4).stripTrailing());
  }

  @Test
  void aStateChangeEventIsOnePerWriteOfItsEntity() {
    Capacity c = size(system("ItemAdded", "description: An item was added."));
    // api carries 20000 req/s, half writes, spread over its 2 entities: 20000 × 0.5 / 2 = 5000 ItemAdded/s
    assertThat(value(c, "eventRps.ItemAdded")).isCloseTo(5000, within(1e-9));
    // the worker, reached only by the event, gets 5000 req/s: ceil(5000 / 210) = 24 pods, hpaMax 48
    ServiceSizing worker = c.service("worker").orElseThrow();
    assertThat(worker.podsNeeded()).isEqualTo(24);
    assertThat(worker.hpaMax()).isEqualTo(48);
    // partitions: max(3, ceil(5000 / 1000) = 5, 48) = 48, so no consumer pod is without one
    assertThat(value(c, "partitions.ItemAdded")).isEqualTo(48);
  }

  @Test
  void anEventWithALowStatedRateGetsFewPartitionsAndFewConsumers() {
    Capacity c = size(system("ItemAdded", "ratePerSecond: 0.5"));
    assertThat(value(c, "eventRps.ItemAdded")).isEqualTo(0.5);
    assertThat(c.figure("eventRps.ItemAdded").orElseThrow().formula()).isEqualTo("ratePerSecond");
    // the worker: 0.5 req/s → 1 pod; 99.9 % → hpaMin 2, hpaMax max(3, 2) = 3; partitions max(3, 1, 3) = 3
    ServiceSizing worker = c.service("worker").orElseThrow();
    assertThat(worker.podsNeeded()).isEqualTo(1);
    assertThat(worker.hpaMax()).isEqualTo(3);
    assertThat(value(c, "partitions.ItemAdded")).isEqualTo(3);
    assertThat(c.assumptions()).noneMatch(a -> a.startsWith("events.ItemAdded.ratePerSecond"));
  }

  @Test
  void aRareEventIsNotMultipliedByTraffic() {
    Capacity c = size(system("SeasonOpened", "description: Once a season the catalogue opens."));
    assertThat(value(c, "eventRps.SeasonOpened")).isEqualTo(EventRates.RARE_EVENTS_PER_SECOND);
    assertThat(value(c, "partitions.SeasonOpened")).isEqualTo(3);
    assertThat(c.assumptions()).contains("events.SeasonOpened.ratePerSecond not given: 1 events/s at peak, derived as"
        + " a rare event (its name or description says how seldom it happens): at most 1 per second, whatever the"
        + " traffic.");
  }

  @Test
  void aRareEventIsKnownByItsNameToo() {
    Capacity c = size(system("MonthlyReportReady", ""));
    assertThat(value(c, "eventRps.MonthlyReportReady")).isEqualTo(1);
  }

  @Test
  void anEventAboutNoEntityOfItsPublisherIsPerWriteRequest() {
    Capacity c = size(system("Pinged", "description: Something happened.").replace("itemId: uuid\n",
        "at: datetime\n"));
    // no entity of api is named: 20000 × 0.5 × eventsPerWrite 1 = 10000/s
    assertThat(value(c, "eventRps.Pinged")).isCloseTo(10_000, within(1e-9));
  }

  @Test
  void theDerivedRateIsAnOpenQuestion() {
    Requirements r = Inputs.yaml(system("ItemAdded", ""));
    var plan = new dev.archforge.decide.RuleDecider().decide(r, STANDARD);
    assertThat(plan.openQuestions()).anyMatch(q -> q.startsWith("How many ItemAdded events are published per second"
        + " at peak? (events.<Name>.ratePerSecond"));
    Requirements rated = Inputs.yaml(system("ItemAdded", "ratePerSecond: 40"));
    assertThat(new dev.archforge.decide.RuleDecider().decide(rated, STANDARD).openQuestions())
        .noneMatch(q -> q.contains("ItemAdded"));
  }
}
