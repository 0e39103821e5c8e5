package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.in;

import dev.archforge.model.Driver;
import dev.archforge.model.Event;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a region's traffic over the services: public services share it equally, each synchronous
 * call forwards the caller's rate to the callee, and a service reached only by events gets the
 * rate of the events it consumes. Services are computed in topological order of these edges; an
 * edge that closes a cycle is not counted, and that is said in a sentence.
 */
final class ServiceTraffic {
  /** One service's rate, with the formula and inputs that produced it. */
  record Share(String service, double rps, String formula, List<Driver> inputs) {}

  private record Edge(String from, String to, String event) {}

  private final Requirements requirements;
  private final double readRatio;
  private final EventRates rates;
  private final Set<String> entry = new HashSet<>();
  private final Set<String> called = new HashSet<>();
  private final Map<String, List<Edge>> out = new LinkedHashMap<>();
  private final Set<Edge> dropped = new HashSet<>();
  private final List<String> order = new ArrayList<>();
  private final List<String> assumptions = new ArrayList<>();

  private ServiceTraffic(Requirements requirements, double readRatio, EventRates rates) {
    this.requirements = requirements;
    this.readRatio = readRatio;
    this.rates = rates;
  }

  /** The shares, in the order of the requirements, and the sentences they assumed. */
  record Split(Map<String, Share> shares, List<String> assumptions) {
    double rps(String service) {
      return shares.get(service).rps();
    }
  }

  static Split split(Requirements r, double regionalRps, double readRatio, EventRates rates) {
    return new ServiceTraffic(r, readRatio, rates).compute(regionalRps);
  }

  private Split compute(double regionalRps) {
    List<Service> services = requirements.services();
    services.stream().filter(Service::isPublic).forEach(s -> entry.add(s.name()));
    String entryName = "publicServices";
    if (entry.isEmpty()) {
      services.forEach(s -> entry.add(s.name()));
      entryName = "services";
      assumptions.add("No service is public: the regional traffic is split equally over all " + services.size()
          + " services.");
    }
    services.forEach(s -> s.calls().forEach(c -> called.add(c)));
    buildEdges(services);
    Set<String> done = new HashSet<>();
    for (Service s : services) {
      visit(s.name(), done, new HashSet<>());
    }
    List<String> topological = new ArrayList<>(order);
    Collections.reverse(topological);
    Map<String, Share> computed = new LinkedHashMap<>();
    double entryShare = regionalRps / entry.size();
    for (String name : topological) {
      computed.put(name, share(name, entryName, entryShare, regionalRps, computed));
    }
    Map<String, Share> shares = new LinkedHashMap<>();
    services.forEach(s -> shares.put(s.name(), computed.get(s.name())));
    explain(services, shares);
    return new Split(shares, assumptions);
  }

  private boolean eventOnly(Service s) {
    return !entry.contains(s.name()) && !called.contains(s.name()) && !s.consumes().isEmpty();
  }

  private void buildEdges(List<Service> services) {
    services.forEach(s -> out.put(s.name(), new ArrayList<>()));
    for (Service s : services) {
      s.calls().stream().filter(out::containsKey).forEach(c -> out.get(s.name()).add(new Edge(s.name(), c, null)));
    }
    for (Service consumer : services) {
      if (!eventOnly(consumer)) {
        continue;
      }
      for (String event : consumer.consumes()) {
        services.stream().filter(p -> p.publishes().contains(event))
            .forEach(p -> out.get(p.name()).add(new Edge(p.name(), consumer.name(), event)));
      }
    }
  }

  /** Depth-first, post-order; an edge into a service still on the path closes a cycle and is dropped. */
  private void visit(String name, Set<String> done, Set<String> path) {
    if (done.contains(name)) {
      return;
    }
    path.add(name);
    for (Edge edge : out.get(name)) {
      if (path.contains(edge.to())) {
        dropped.add(edge);
      } else {
        visit(edge.to(), done, path);
      }
    }
    path.remove(name);
    done.add(name);
    order.add(name);
  }

  private Share share(String name, String entryName, double entryShare, double regionalRps, Map<String, Share> known) {
    Service service = requirements.service(name).orElseThrow();
    List<String> terms = new ArrayList<>();
    Map<String, Driver> inputs = new LinkedHashMap<>();
    double rps = 0;
    if (entry.contains(name)) {
      rps += entryShare;
      terms.add("regionalRps / " + entryName);
      inputs.put("regionalRps", in("regionalRps", regionalRps));
      inputs.put(entryName, in(entryName, entry.size()));
    }
    for (List<Edge> edges : out.values()) {
      for (Edge edge : edges) {
        if (!edge.to().equals(name) || dropped.contains(edge)) {
          continue;
        }
        double from = known.get(edge.from()).rps();
        String key = edge.from() + ".rps";
        if (edge.event() == null) {
          inputs.put(key, in(key, from));
          rps += from;
          terms.add(key);
        } else {
          Event event = requirements.events().stream().filter(e -> e.name().equals(edge.event())).findFirst()
              .orElseThrow();
          EventRates.Part part = rates.part(event, requirements.service(edge.from()).orElseThrow(), from);
          part.inputs().forEach(i -> inputs.put(i.key(), i));
          rps += part.rate();
          terms.add(part.term() + " [" + edge.event() + "]");
        }
      }
    }
    String formula = terms.isEmpty() ? "0 (no requests, calls or events reach it)" : String.join(" + ", terms);
    return new Share(name, rps, formula, List.copyOf(inputs.values()));
  }

  private void explain(List<Service> services, Map<String, Share> shares) {
    if (services.stream().anyMatch(s -> s.calls().stream().anyMatch(out::containsKey))) {
      assumptions.add("Each synchronous call is counted once per request: a called service receives the full request"
          + " rate of each of its callers.");
    }
    if (services.stream().anyMatch(this::eventOnly)) {
      assumptions.add("A service reached only by events is sized from the rate of the events it consumes: one request"
          + " per event.");
    }
    dropped.stream().sorted(Comparator.comparing(Edge::from).thenComparing(Edge::to)).forEach(e ->
        assumptions.add((e.event() == null ? "The call " + e.from() + " → " + e.to()
            : "The event " + e.event() + " from " + e.from() + " to " + e.to())
            + " closes a cycle: it is not counted as forwarding traffic, so the rate of " + e.to()
            + " does not include that of " + e.from() + "."));
    shares.values().stream().filter(s -> s.rps() == 0).forEach(s ->
        assumptions.add("Service " + s.service() + " receives no requests, calls or events: it runs at the"
            + " minimum pod count."));
  }
}
