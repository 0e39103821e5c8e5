package dev.archforge.facts;

import dev.archforge.facts.Naming;
import dev.archforge.model.Cloud;
import java.util.Locale;

/**
 * The names of the alerts in {@code observability/alerts.yaml}, in one place so that other
 * documents (the threat model) can point at an alert and its runbook section.
 */
public final class AlertNames {
  private AlertNames() {}

  /** The {@code RUNBOOK.md} anchor of an alert: its name in lower case. */
  public static String anchor(String alert) {
    return alert.toLowerCase(Locale.ROOT);
  }

  /**
   * A burn-rate alert: {@code sli} is {@code availability} or {@code latency}; {@code speed} is
   * {@code Fast}, {@code Slow} or {@code Ticket}.
   */
  public static String burn(String target, String sli, String speed) {
    return Naming.pascal(target) + Naming.pascal(sli) + (speed.equals("Ticket") ? "BudgetBurn" : speed + "Burn");
  }

  public static String fastBurn(String target) {
    return burn(target, "availability", "Fast");
  }

  public static String errorRate(String deployable) {
    return Naming.pascal(deployable) + "HighErrorRate";
  }

  public static String cpu(String deployable) {
    return Naming.pascal(deployable) + "CpuSaturation";
  }

  public static String memory(String deployable) {
    return Naming.pascal(deployable) + "MemorySaturation";
  }

  public static String autoscalerAtMax(String deployable) {
    return Naming.pascal(deployable) + "AutoscalerAtMaximum";
  }

  public static String connectionPool(String deployable) {
    return Naming.pascal(deployable) + "ConnectionPoolSaturation";
  }

  public static String databaseConnections() {
    return "DatabaseConnectionsNearLimit";
  }

  /** Whether alerts.yaml watches consumer lag for this broker: kafka, rabbitmq, or pub/sub on AWS or GCP. */
  public static boolean watchesLag(String messaging, Cloud cloud) {
    return switch (messaging) {
      case "kafka", "rabbitmq" -> true;
      case "cloud-pubsub" -> cloud == Cloud.GCP || cloud == Cloud.AWS;
      default -> false;
    };
  }

  /** Whether alerts.yaml watches CPU and memory of the deployables: on Kubernetes and on VMs. */
  public static boolean watchesSaturation(String deployment) {
    return deployment.equals("kubernetes") || deployment.equals("vm");
  }

  public static String consumerLag(String consumer) {
    return Naming.pascal(consumer) + "ConsumerLag";
  }

  public static String deadLetters(String consumer) {
    return Naming.pascal(consumer) + "DeadLetters";
  }

  public static String cacheMemory() {
    return "RedisMemoryNearLimit";
  }
}
