package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.in;

import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Language;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.List;

/** Pods, HPA bounds and database connections of one deployable, from its request rate. */
public final class PodSizing {
  private PodSizing() {}

  /** 1 below 99.9 %, 2 from 99.9 %, 3 from 99.99 %: replicas spread over zones survive one loss. */
  /** The fewest pods a stateless service runs at this availability target, so one can fail or roll. */
  public static int availabilityFloor(double availability) {
    if (availability >= 99.99) {
      return 3;
    }
    return availability >= 99.9 ? 2 : 1;
  }

  /** {@code ceil} that ignores floating-point noise, so 1680 / (300 × 0.7) is 8 and not 9. */
  static int ceil(double value) {
    return (int) Math.ceil(value - 1e-9);
  }

  static ServiceSizing size(String name, Language language, ServiceTraffic.Share share, boolean ownsData,
      String dataNote, CapacityAssumptions a, double availability) {
    Integer podRps = a.podRps().get(language.spelling());
    if (podRps == null) {
      throw new IllegalStateException("capacity.podRps has no value for " + language.spelling());
    }
    String podKey = "podRps." + language.spelling();
    double rps = share.rps();
    int podsNeeded = Math.max(1, ceil(rps / (podRps * a.targetUtilization())));
    int hpaMin = availabilityFloor(availability);
    int hpaMax = Math.max(hpaMin + 1, ceil(podsNeeded * a.burstFactor()));
    int poolSize = ownsData ? a.poolSizePerPod() : 0;
    int connections = poolSize * hpaMax;

    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure(name + ".rps", "Requests per second at peak, per region", rps, "req/s", share.formula(),
        share.inputs()));
    figures.add(new Figure(name + ".podsNeeded", "Pods that carry the peak at the target utilisation", podsNeeded,
        "pods", "max(1, ceil(rps / (" + podKey + " × targetUtilization)))",
        List.of(in(name + ".rps", rps), in(podKey, podRps), in("targetUtilization", a.targetUtilization()))));
    figures.add(new Figure(name + ".hpaMin", "HPA minimum replicas (availability floor)", hpaMin, "pods",
        "availability floor: 1 below 99.9 %, 2 from 99.9 %, 3 from 99.99 % (spread over zones)",
        List.of(in("scale.availability", availability))));
    figures.add(new Figure(name + ".hpaMax", "HPA maximum replicas", hpaMax, "pods",
        "max(hpaMin + 1, ceil(podsNeeded × burstFactor))",
        List.of(in("hpaMin", hpaMin), in("podsNeeded", podsNeeded), in("burstFactor", a.burstFactor()))));
    List<Driver> poolInputs = ownsData
        ? List.of(in("poolSizePerPod", poolSize), in("hpaMax", hpaMax))
        : List.of(in("hpaMax", hpaMax));
    figures.add(new Figure(name + ".dbConnections", "Database connections at the HPA maximum", connections,
        "connections", ownsData ? "poolSizePerPod × hpaMax" : "0 × hpaMax (" + dataNote + ")", poolInputs));
    return new ServiceSizing(name, rps, podsNeeded, hpaMin, hpaMax, a.podCpuMillis(), a.podMemoryMib(), poolSize,
        connections, figures);
  }
}
