package dev.archforge.decide.capacity;

import dev.archforge.model.CapacityAssumptions;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the {@link Baseline} — peak traffic, its read/write split and storage over time — from
 * {@code scale:} and the blueprint's capacity assumptions. What the requirements leave out is
 * assumed, and each assumption is written down as a sentence.
 */
public final class BaselineCalculator {
  private BaselineCalculator() {}

  public static Baseline compute(Requirements r, CapacityAssumptions a) {
    Scale scale = r.scale();
    List<Figure> figures = new ArrayList<>();
    List<String> assumptions = new ArrayList<>();
    double perUser = a.requestsPerUserPerSecond();

    Figure users;
    Figure peak;
    if (scale.peakRps() != null) {
      double rps = scale.peakRps();
      peak = new Figure("peakRps", "Peak requests per second", rps, "req/s", "scale.peakRps (given)",
          List.of(in("scale.peakRps", rps)));
      if (scale.concurrentUsers() != null) {
        users = given("concurrentUsers", "Concurrent users at peak", scale.concurrentUsers(), "users");
      } else {
        double derived = rps / perUser;
        users = new Figure("concurrentUsers", "Concurrent users at peak", derived, "users",
            "peakRps / requestsPerUserPerSecond", List.of(in("peakRps", rps), in("requestsPerUserPerSecond", perUser)));
        assumptions.add("scale.concurrentUsers not given: derived from " + n(rps) + " req/s ÷ " + n(perUser)
            + " requests per user per second = " + n(derived) + " concurrent users");
      }
    } else {
      if (scale.concurrentUsers() != null) {
        users = given("concurrentUsers", "Concurrent users at peak", scale.concurrentUsers(), "users");
      } else {
        users = new Figure("concurrentUsers", "Concurrent users at peak", a.defaultConcurrentUsers(), "users",
            "defaultConcurrentUsers (assumed)", List.of(in("defaultConcurrentUsers", a.defaultConcurrentUsers())));
        assumptions.add("scale.concurrentUsers not given: assumed " + n(a.defaultConcurrentUsers())
            + " concurrent users (the blueprint's defaultConcurrentUsers)");
      }
      double rps = users.value() * perUser;
      peak = new Figure("peakRps", "Peak requests per second", rps, "req/s", "concurrentUsers × requestsPerUserPerSecond",
          List.of(in("concurrentUsers", users.value()), in("requestsPerUserPerSecond", perUser)));
      assumptions.add("scale.peakRps not given: derived from " + n(users.value()) + " concurrent users × " + n(perUser)
          + " requests per user per second = " + n(rps) + " req/s");
    }
    figures.add(users);
    figures.add(peak);

    double readRatio = scale.readRatio();
    if (scale.assumed().contains("readRatio")) {
      assumptions.add("scale.readRatio not given: assumed " + n(readRatio) + " (" + n(readRatio * 100)
          + " % of requests are reads)");
    }
    double readRps = peak.value() * readRatio;
    figures.add(new Figure("readRps", "Read requests per second at peak", readRps, "req/s", "peakRps × readRatio",
        List.of(in("peakRps", peak.value()), in("readRatio", readRatio))));
    figures.add(new Figure("writeRps", "Write requests per second at peak", peak.value() - readRps, "req/s",
        "peakRps − readRps", List.of(in("peakRps", peak.value()), in("readRps", readRps))));

    Figure data = scale.dataGb() != null ? given("dataGb", "Data at launch", scale.dataGb(), "GB")
        : assumed("dataGb", "Data at launch", "defaultDataGb", a.defaultDataGb(), "GB");
    if (scale.dataGb() == null) {
      assumptions.add("scale.dataGb not given: assumed " + n(a.defaultDataGb())
          + " GB at launch (the blueprint's defaultDataGb)");
    }
    Figure growth = scale.growthGbPerMonth() != null
        ? given("growthGbPerMonth", "Data growth per month", scale.growthGbPerMonth(), "GB/month")
        : assumed("growthGbPerMonth", "Data growth per month", "defaultGrowthGbPerMonth", a.defaultGrowthGbPerMonth(),
            "GB/month");
    if (scale.growthGbPerMonth() == null) {
      assumptions.add("scale.growthGbPerMonth not given: assumed " + n(a.defaultGrowthGbPerMonth())
          + " GB per month (the blueprint's defaultGrowthGbPerMonth)");
    }
    figures.add(data);
    figures.add(growth);
    Figure after12 = storageAfter(12, data.value(), growth.value());
    Figure after36 = storageAfter(36, data.value(), growth.value());
    figures.add(after12);
    figures.add(after36);
    figures.add(new Figure("provisionedGb36", "Provisioned database storage for 36 months",
        after36.value() * a.storageOverhead(), "GB", "storageGb36 × storageOverhead",
        List.of(in("storageGb36", after36.value()), in("storageOverhead", a.storageOverhead()))));
    return new Baseline(figures, assumptions);
  }

  private static Figure storageAfter(int months, double dataGb, double growth) {
    return new Figure("storageGb" + months, "Data after " + months + " months", dataGb + growth * months, "GB",
        "dataGb + growthGbPerMonth × " + months, List.of(in("dataGb", dataGb), in("growthGbPerMonth", growth)));
  }

  private static Figure given(String key, String label, double value, String unit) {
    return new Figure(key, label, value, unit, "scale." + key + " (given)", List.of(in("scale." + key, value)));
  }

  private static Figure assumed(String key, String label, String assumption, double value, String unit) {
    return new Figure(key, label, value, unit, assumption + " (assumed)", List.of(in(assumption, value)));
  }

  static Driver in(String key, double value) {
    return new Driver(key, value);
  }

  static String n(double value) {
    return Driver.number(value);
  }
}
