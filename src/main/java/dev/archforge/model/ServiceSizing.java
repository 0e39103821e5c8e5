package dev.archforge.model;

import java.util.List;

/**
 * The sizing of one service, which the runtime deliverables use as they are (the Kubernetes HPA
 * bounds equal {@link #hpaMin} and {@link #hpaMax}).
 *
 * @param rps the service's share of the peak, requests per second
 * @param podsNeeded pods that carry the peak at the target utilisation
 * @param poolSize database connections per pod (0 when the service owns no entities)
 * @param dbConnections connections the service may open at {@link #hpaMax} pods
 * @param figures the same numbers with their formulas and inputs, for CAPACITY.md
 */
public record ServiceSizing(
    String service,
    double rps,
    int podsNeeded,
    int hpaMin,
    int hpaMax,
    int cpuMillis,
    int memoryMib,
    int poolSize,
    int dbConnections,
    List<Figure> figures) {
  public ServiceSizing {
    figures = List.copyOf(figures);
  }
}
