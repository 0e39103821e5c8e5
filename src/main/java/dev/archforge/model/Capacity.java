package dev.archforge.model;

import java.util.List;
import java.util.Optional;

/**
 * The capacity arithmetic of a plan: traffic, per-service sizing, database connections, storage,
 * cache and broker partitions. Every number is a {@link Figure} with its formula and inputs.
 *
 * @param figures system-wide figures in the order CAPACITY.md shows them
 * @param services sizing per service, in the order of the requirements
 * @param poolerNeeded whether the connections at peak exceed what the database should accept
 * @param assumptions every value the arithmetic assumed, in a sentence each
 */
public record Capacity(List<Figure> figures, List<ServiceSizing> services, boolean poolerNeeded, List<String> assumptions) {
  public Capacity {
    figures = List.copyOf(figures);
    services = NamedList.of(services, ServiceSizing::service);
    assumptions = List.copyOf(assumptions);
  }

  public Optional<Figure> figure(String key) {
    return figures.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  public Optional<ServiceSizing> service(String name) {
    return ((NamedList<ServiceSizing>) services).find(name);
  }
}
