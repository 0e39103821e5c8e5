package dev.archforge.model;

import java.util.List;

/**
 * {@code scale:} every key is optional in the file. Values the user left out are null here, except
 * those with a documented default (readRatio, availability, regions); {@link #assumed()} names the
 * keys that were not given, so documents can list them as open questions. {@code multiRegionWrites}
 * (default false): every serving region accepts writes and writes survive losing a region.
 */
public record Scale(
    Integer concurrentUsers,
    Integer peakRps,
    double readRatio,
    Double dataGb,
    Double growthGbPerMonth,
    Integer latencyP99Ms,
    double availability,
    int regions,
    List<String> assumed,
    boolean multiRegionWrites) {

  public Scale {
    assumed = List.copyOf(assumed);
  }
}
