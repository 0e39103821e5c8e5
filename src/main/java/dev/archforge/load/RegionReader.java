package dev.archforge.load;

import dev.archforge.model.Jurisdiction;
import dev.archforge.model.RegionTable;
import dev.archforge.model.Spelled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a blueprint's {@code regions:}: {@code home} (the jurisdiction of a system without
 * {@code dataResidency}) and, per jurisdiction, the regions of each cloud. A child blueprint's
 * entries replace its parent's jurisdiction by jurisdiction; the resolved table must name regions
 * of every cloud for every jurisdiction the format knows.
 */
final class RegionReader {
  static final List<String> CLOUDS = List.of("aws", "gcp", "azure");
  private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  private RegionReader() {}

  /**
   * @param blueprint the blueprint.yaml mapping, whose {@code regions:} is read
   * @param parent the table of the blueprint this one extends, or null for a root blueprint
   */
  static RegionTable read(YamlMap blueprint, RegionTable parent, Diagnostics d) {
    Map<String, Map<String, List<String>>> table = new LinkedHashMap<>(parent == null ? Map.of() : parent.regions());
    String home = parent == null ? null : parent.home();
    Map<String, Map<String, String>> pairs = new LinkedHashMap<>(parent == null ? Map.of() : parent.pairs());
    YamlMap map = blueprint.map("regions").orElse(null);
    if (map != null) {
      map.allowOnly(List.of("home", "jurisdictions", "pairs"));
      home = map.text("home").orElse(home);
      if (home != null && Spelled.parse(Jurisdiction.class, home).isEmpty()) {
        d.error(map.value("home"), "'regions.home' must be one of " + String.join(", ",
            Spelled.spellings(Jurisdiction.class)) + Suggestions.hint(home, Spelled.spellings(Jurisdiction.class)));
      }
      map.map("jurisdictions").ifPresent(j -> jurisdictions(j, table, d));
      map.map("pairs").ifPresent(p -> pairs(p, pairs, d));
    }
    if (map != null || parent == null) {
      List<String> missing = Spelled.spellings(Jurisdiction.class).stream()
          .filter(j -> !table.containsKey(j) || !table.get(j).keySet().containsAll(CLOUDS)).toList();
      if (home == null || !missing.isEmpty()) {
        d.error(blueprint.has("regions") ? blueprint.keyNode("regions") : blueprint.keyNode(blueprint.keys().iterator()
            .next()), "'regions' must name 'home' and list the regions of aws, gcp and azure for every jurisdiction"
            + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
      }
    }
    return new RegionTable(home, table, pairs);
  }

  /** {@code pairs:}: per cloud that fixes where backups are copied, each region's pair; a cloud's entry replaces the parent's. */
  private static void pairs(YamlMap map, Map<String, Map<String, String>> pairs, Diagnostics d) {
    map.allowOnly(CLOUDS);
    for (String cloud : map.keys()) {
      map.map(cloud).ifPresent(byRegion -> {
        Map<String, String> pair = new LinkedHashMap<>();
        for (String region : byRegion.keys()) {
          String to = byRegion.text(region).orElse("");
          if (!REGION.matcher(region).matches() || !REGION.matcher(to).matches()) {
            d.error(byRegion.value(region), "'" + byRegion.path(region) + "' must pair a region name with a region"
                + " name (lower-case letters, digits and '-')");
          }
          pair.put(region, to);
        }
        pairs.put(cloud, pair);
      });
    }
  }

  private static void jurisdictions(YamlMap map, Map<String, Map<String, List<String>>> table, Diagnostics d) {
    map.allowOnly(Spelled.spellings(Jurisdiction.class));
    for (String j : map.keys()) {
      if (Spelled.parse(Jurisdiction.class, j).isEmpty()) {
        continue;
      }
      map.map(j).ifPresent(clouds -> {
        clouds.allowOnly(CLOUDS);
        Map<String, List<String>> byCloud = new LinkedHashMap<>();
        for (String cloud : clouds.keys()) {
          List<YamlMap.Item> items = clouds.list(cloud);
          if (items.isEmpty()) {
            d.error(clouds.value(cloud), "'" + clouds.path(cloud) + "' must list at least one region");
          }
          for (YamlMap.Item item : items) {
            if (!REGION.matcher(item.value()).matches()) {
              d.error(item.node(), "'" + item.value() + "' is not a region name (lower-case letters, digits and '-')");
            }
          }
          byCloud.put(cloud, items.stream().map(YamlMap.Item::value).toList());
        }
        table.put(j, byCloud);
      });
    }
  }
}
