package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.n;
import static dev.archforge.decide.capacity.CostLines.monthly;
import static dev.archforge.decide.capacity.CostLines.round;

import dev.archforge.model.Figure;

/** The broker's cost line: Kafka or RabbitMQ as infra/ creates it, or the cloud's pub/sub by use. */
final class BrokerCosts {
  private final CostLines lines;

  BrokerCosts(CostLines lines) {
    this.lines = lines;
  }

  void add() {
    int regions = lines.regions;
    switch (lines.choice("messaging", "none")) {
      case "kafka" -> kafka();
      case "rabbitmq" -> lines.add(CostItems.BROKER + " (RabbitMQ)", BrokerSize.BROKERS + " nodes × " + regions
              + " region(s)", BrokerSize.BROKERS * lines.price("queueNodeMonth") * regions, BrokerSize.BROKERS
              + " × queueNodeMonth × regions", "queueNodeMonth");
      case "cloud-pubsub" -> pubsub();
      default -> { }
    }
  }

  /**
   * Kafka as infra/ creates it ({@link BrokerSize}), in the cloud's own unit: MSK's brokers (aws and a
   * self-run cluster), Managed Kafka's Data Compute Units of vCPU and memory (gcp), Event Hubs Premium's
   * processing units (azure); {@code brokerMonth} prices one such unit.
   */
  private void kafka() {
    int regions = lines.regions;
    BrokerSize size = BrokerSize.of(lines.r, lines.c);
    String component = CostItems.BROKER + " (Kafka)";
    switch (lines.cloud()) {
      case "gcp" -> lines.add(component, "Managed Service for Apache Kafka: " + size.kafkaVcpu() + " vCPU and "
              + size.kafkaMemoryGib() + " GiB = " + n(size.dcu()) + " DCU (" + n(BrokerSize.DCU_PER_VCPU) + " per vCPU + "
              + n(BrokerSize.DCU_PER_GIB) + " per GiB; " + size.kafkaFormula() + ") × " + regions + " region(s)",
          size.dcu() * lines.price("brokerMonth") * regions, "(vCPU × " + n(BrokerSize.DCU_PER_VCPU) + " + GiB × "
              + n(BrokerSize.DCU_PER_GIB) + ") DCU × brokerMonth × regions", "brokerMonth");
      case "azure" -> lines.add(component, "Event Hubs Premium: " + size.unitsFormula() + " × " + regions
              + " region(s)", size.processingUnits() * lines.price("brokerMonth") * regions,
          "processingUnits × brokerMonth × regions", "brokerMonth");
      default -> lines.add(component, BrokerSize.BROKERS + " brokers × " + regions + " region(s)",
          BrokerSize.BROKERS * lines.price("brokerMonth") * regions, BrokerSize.BROKERS + " × brokerMonth × regions",
          "brokerMonth");
    }
  }

  /** Each event is counted once when published and once per consuming service. */
  private void pubsub() {
    double perSecond = 0;
    for (Figure f : lines.c.figures()) {
      if (f.key().startsWith("eventRps.")) {
        String event = f.key().substring("eventRps.".length());
        long consumers = lines.r.services().stream().filter(s -> s.consumes().contains(event)).count();
        perSecond += f.value() * (1 + consumers);
      }
    }
    double millions = monthly(perSecond * lines.value("peakRps") / lines.value("regionalRps")) / 1e6;
    lines.add(CostItems.BROKER + " (managed pub/sub)", n(round(millions)) + " million messages/month (publishes and deliveries)",
        millions * lines.price("pubsubPerMillion"),
        "Σ eventRps × (1 + consumers) × peakRps / regionalRps × averageToPeak × secondsPerMonth / 1e6"
            + " × pubsubPerMillion", "pubsubPerMillion");
  }
}
