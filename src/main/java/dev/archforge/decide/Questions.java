package dev.archforge.decide;

import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions a careful architect would ask about what the file leaves out: each names the key,
 * what was assumed instead and what depends on it.
 */
final class Questions {
  private Questions() {}

  static List<String> of(Requirements r) {
    List<String> list = new ArrayList<>();
    var assumed = r.scale().assumed();
    if (assumed.contains("concurrentUsers") && assumed.contains("peakRps")) {
      list.add("How many people use the system at the busiest moment, or how many requests per second does it get "
          + "then? (scale.concurrentUsers or scale.peakRps: pods, autoscaling bounds, database size and cost follow "
          + "from it.)");
    }
    if (assumed.contains("readRatio")) {
      list.add("What share of requests only read? (scale.readRatio: caching and read replicas depend on it.)");
    }
    if (assumed.contains("dataGb") || assumed.contains("growthGbPerMonth")) {
      list.add("How much data is there at launch and how fast does it grow? (scale.dataGb, scale.growthGbPerMonth: "
          + "storage, backups and cache size follow.)");
    }
    if (assumed.contains("latencyP99Ms")) {
      list.add("What p99 latency must users see? (scale.latencyP99Ms: timeouts and retry budgets on every call "
          + "follow from it.)");
    }
    if (assumed.contains("availability")) {
      list.add("How much downtime can the business accept? (scale.availability: replicas per zone, regions and the "
          + "disaster-recovery plan follow; 99.9 % was assumed.)");
    }
    if (r.project().budget().monthlyUsd() == null) {
      list.add("What may the infrastructure cost per month? (project.budget.monthlyUsd: without it the cost estimate "
          + "cannot be checked.)");
    }
    List<String> unrated = r.events().stream().filter(e -> e.ratePerSecond() == null)
        .filter(e -> r.services().stream().anyMatch(s -> s.publishes().contains(e.name())))
        .map(dev.archforge.model.Event::name).toList();
    if (!unrated.isEmpty()) {
      list.add("How many " + String.join(", ", unrated) + " events are published per second at peak? (events.<Name>"
          + ".ratePerSecond: each rate was derived from its kind — one per write of the entity it is about, a fixed low"
          + " rate for a rare event — as CAPACITY.md says; partitions, consumer replicas and the broker's cost follow"
          + " it.)");
    }
    if (r.compliance().isEmpty()) {
      list.add("Does any compliance regime apply — GDPR, PCI DSS, HIPAA, SOC 2, ISO 27001? (compliance: data "
          + "protection, audit logging and retention change with it.)");
    }
    if (r.project().cloud() == dev.archforge.model.Cloud.ANY) {
      list.add("Which cloud will run it? (project.cloud: managed services and prices differ; the estimate uses the "
          + "cheapest.)");
    }
    return list;
  }
}
