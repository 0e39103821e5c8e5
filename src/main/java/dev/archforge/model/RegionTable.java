package dev.archforge.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A blueprint's table of regions: per jurisdiction and cloud ({@code aws}, {@code gcp},
 * {@code azure}), the regions in the order a cell uses them (serving regions first, then the one
 * its backups and standby go to).
 *
 * @param home the jurisdiction whose regions a system without {@code dataResidency} runs in
 * @param regions jurisdiction spelling → cloud → regions
 */
public record RegionTable(String home, Map<String, Map<String, List<String>>> regions) {
  /** No table: a plan built in code without a blueprint names no region. */
  public static final RegionTable NONE = new RegionTable(null, Map.of());

  public RegionTable {
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

  /** The cloud whose region names stand for {@code cloud}: itself, or {@code aws} for {@code any}. */
  public static String naming(Cloud cloud) {
    return cloud == Cloud.ANY ? Cloud.AWS.spelling() : cloud.spelling();
  }
}
