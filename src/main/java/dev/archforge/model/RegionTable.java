package dev.archforge.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A blueprint's table of regions: per jurisdiction and cloud ({@code aws}, {@code gcp},
 * {@code azure}), the regions in the order a cell uses them (serving regions first, then the one
 * its backups and standby go to), and per cloud whose backups go to a region it fixes (Azure's
 * geo-redundant backup goes to the region's pair), each region's pair.
 *
 * @param home the jurisdiction whose regions a system without {@code dataResidency} runs in
 * @param regions jurisdiction spelling → cloud → regions
 * @param pairs cloud → region → the region the cloud copies its backups to
 */
public record RegionTable(String home, Map<String, Map<String, List<String>>> regions,
    Map<String, Map<String, String>> pairs) {
  /** No table: a plan built in code without a blueprint names no region. */
  public static final RegionTable NONE = new RegionTable(null, Map.of());

  /** A table of clouds that let the backups' region be chosen freely. */
  public RegionTable(String home, Map<String, Map<String, List<String>>> regions) {
    this(home, regions, Map.of());
  }

  public RegionTable {
    Map<String, Map<String, String>> pairCopy = new TreeMap<>();
    pairs.forEach((cloud, byRegion) -> pairCopy.put(cloud, java.util.Collections.unmodifiableMap(new TreeMap<>(byRegion))));
    pairs = java.util.Collections.unmodifiableMap(pairCopy);
    Map<String, Map<String, List<String>>> copy = new TreeMap<>();
    regions.forEach((j, byCloud) -> {
      Map<String, List<String>> clouds = new TreeMap<>();
      byCloud.forEach((cloud, list) -> clouds.put(cloud, List.copyOf(list)));
      copy.put(j, java.util.Collections.unmodifiableMap(clouds));
    });
    regions = java.util.Collections.unmodifiableMap(copy);
  }

  /** The regions of a jurisdiction on a cloud; {@code any} reads {@code aws}'s names. */
  public List<String> of(String jurisdiction, Cloud cloud) {
    return Optional.ofNullable(regions.get(jurisdiction)).map(c -> c.get(naming(cloud))).orElse(List.of());
  }

  /**
   * Where {@code cloud} copies the backups of {@code region} when the cloud fixes it (Azure: the
   * region's pair); empty when the cloud lets them go to any region, or fixes none for this region.
   */
  public Optional<String> pair(Cloud cloud, String region) {
    return Optional.ofNullable(pairs.get(naming(cloud))).map(p -> p.get(region));
  }

  /** Whether {@code cloud} fixes the region its backups are copied to (a table of pairs is given for it). */
  public boolean fixesBackupRegion(Cloud cloud) {
    return pairs.containsKey(naming(cloud));
  }

  /** The cloud whose region names stand for {@code cloud}: itself, or {@code aws} for {@code any}. */
  public static String naming(Cloud cloud) {
    return cloud == Cloud.ANY ? Cloud.AWS.spelling() : cloud.spelling();
  }
}
