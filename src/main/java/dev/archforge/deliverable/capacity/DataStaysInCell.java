package dev.archforge.deliverable.capacity;

import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: under {@code dataResidency}, CAPACITY.md's Cells table says which
 * regions each jurisdiction's cell holds, and no generated file places data elsewhere. Every region
 * name (AWS, Google Cloud or Azure spelling) in any file but a decision record (which keeps the regions
 * of the run that issued it) must be a region of some cell; in a file of
 * one cell (its production overlay, its folder of managed-container or function descriptors, its
 * production root module {@code infra/envs/prod-<cell>/}, or a
 * ConfigMap that names its {@code CELL}) it must be a region
 * of that cell: a database, replica, cache, broker or backup pointed at another jurisdiction's region
 * is a finding naming both files; a line about backups (a copy target, a backup location, a
 * geo-redundant backup's region) names the cell whose region it copies them to.
 */
final class DataStaysInCell implements CrossValidator {
  static final String NAME = "data-stays-in-cell";
  private static final Pattern REGION = Pattern.compile("\\b(?:"
      + "(?:us|eu|ap|ca|sa|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d"
      + "|(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast"
      + "|southeast|northwest|southwest)\\d"
      + "|eastus2?|westus[23]?|(?:north|south|west)?centralus|canada(?:central|east)|brazilsouth|(?:north|west)europe"
      + "|uk(?:south|west)|france(?:central|south)|germany(?:westcentral|north)|switzerland(?:north|west)|norwayeast"
      + "|swedencentral|polandcentral|italynorth|spaincentral|australia(?:east|southeast|central)|japan(?:east|west)"
      + "|korea(?:central|south)|(?:central|south|west)india|southeastasia|eastasia|uaenorth|southafricanorth"
      + ")\\b");
  /**
   * A cell's own folder: its Kubernetes overlay, its folder of a platform's descriptors
   * ({@code deploy/ecs/prod-eu/}), or its production root module.
   */
  private static final Pattern CELL_OVERLAY = Pattern.compile("(?:deploy/(?:k8s/overlays|[a-z]+)|infra/envs)/prod-([a-z]+)/.*");
  private static final Pattern CELL_KEY = Pattern.compile("^\\s*CELL:\\s*\"?([a-z]+)\"?\\s*$");
  /**
   * A decision record: it states the regions of the run that issued it and is never rewritten, so a
   * record kept from an earlier run (another cloud, another region table) may name others; it places no data.
   */
  private static final Pattern RECORD = Pattern.compile("decisions/\\d{4}-[a-z0-9-]+\\.md");
  private static final List<String> COMPASS = List.of("east", "west", "north", "south", "central");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*([a-z]+)\\s*\\|[^|]*\\|([^|]*)\\|([^|]*)\\|\\s*$");
  /** How CAPACITY.md's Cells section opens under {@code dataResidency}, and only then. */
  static final String RESIDENCY = "`dataResidency` keeps each jurisdiction's users' data in its own regions";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    return all.stream().filter(a -> a.path().equals(Layout.CAPACITY)).findFirst()
        .filter(a -> cells(a.content()).isEmpty())
        .map(a -> "no dataResidency: " + Layout.CAPACITY + " places the system in one cell, no jurisdiction apart");
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Artifact> capacity = all.stream().filter(a -> a.path().equals(Layout.CAPACITY)).findFirst();
    Map<String, Set<String>> cells = capacity.map(a -> cells(a.content())).orElse(Map.of());
    if (cells.isEmpty()) {
      return List.of();
    }
    Set<String> anyCell = new LinkedHashSet<>();
    cells.values().forEach(anyCell::addAll);
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      if (a == capacity.get() || RECORD.matcher(a.path()).matches()) {
        continue;
      }
      Matcher overlay = CELL_OVERLAY.matcher(a.path());
      String fileCell = overlay.matches() ? overlay.group(1) : null;
      String text = a.content();
      if (text.contains("CELL:")) {
        checkLines(a, fileCell, cells, anyCell, findings);
      } else {
        Set<String> allowed = fileCell == null ? anyCell : cells.getOrDefault(fileCell, Set.of());
        int line = 1;
        int at = 0;
        for (int start : linesNamingACompassPoint(text)) {
          for (; at < start; at++) {
            line += text.charAt(at) == '\n' ? 1 : 0;
          }
          int end = text.indexOf('\n', start);
          regions(a, line, text.substring(start, end < 0 ? text.length() : end), fileCell, allowed, cells, findings);
        }
      }
    }
    return findings;
  }

  /** A file whose documents name their cell ({@code CELL:}): line by line, each line under the cell named last. */
  private static void checkLines(Artifact a, String fileCell, Map<String, Set<String>> cells, Set<String> anyCell,
      List<Finding> findings) {
    String docCell = fileCell;
    String[] lines = a.content().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("---")) {
        docCell = fileCell;
      }
      Matcher key = CELL_KEY.matcher(lines[i]);
      if (key.matches()) {
        docCell = key.group(1);
        if (!cells.containsKey(docCell)) {
          findings.add(new Finding(a.path(), i + 1, "names cell '" + docCell + "', which " + Layout.CAPACITY
              + " does not list (cells: " + String.join(", ", cells.keySet()) + ")", NAME));
        }
      }
      if (mayNameRegion(lines[i])) {
        Set<String> allowed = docCell == null ? anyCell : cells.getOrDefault(docCell, Set.of());
        regions(a, i + 1, lines[i], docCell, allowed, cells, findings);
      }
    }
  }

  /** A finding for each region on this line that is not {@code allowed}. */
  private static void regions(Artifact a, int line, String text, String cell, Set<String> allowed,
      Map<String, Set<String>> cells, List<Finding> findings) {
    Matcher region = REGION.matcher(text);
    while (region.find()) {
      String name = region.group();
      if (!allowed.contains(name)) {
        String owner = cells.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey)
            .findFirst().map(c -> ", a region of the " + c + " cell").orElse(", outside the cell");
        findings.add(new Finding(a.path(), line, cell == null
            ? "names region " + name + ", which is in no cell of " + Layout.CAPACITY + " (" + describe(cells) + ")"
            : text.toLowerCase(java.util.Locale.ROOT).contains("backup")
                ? "copies the " + cell + " cell's backups to " + name + owner + ": " + Layout.CAPACITY
                    + " gives the " + cell + " cell " + String.join(", ", allowed) + " (its recovery region last)"
                : "places the " + cell + " cell's data in " + name + ", outside the cell: " + Layout.CAPACITY
                    + " gives it " + String.join(", ", allowed), NAME));
      }
    }
  }

  /**
   * Where the lines start that hold a point of the compass or "central", in order: every region
   * name of {@link #REGION} holds one, and most lines of most files none.
   */
  private static java.util.SortedSet<Integer> linesNamingACompassPoint(String text) {
    java.util.SortedSet<Integer> starts = new java.util.TreeSet<>();
    for (String word : COMPASS) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
        starts.add(text.lastIndexOf('\n', at) + 1);
      }
    }
    return starts;
  }

  /**
   * The Cells table of CAPACITY.md under {@code dataResidency} (its Cells section opens with
   * {@link #RESIDENCY}): cell → its serving and recovery regions; empty without residency, where the
   * one home cell holds no jurisdiction's data apart.
   */
  static Map<String, Set<String>> cells(String capacity) {
    int start = capacity.indexOf("\n## Cells\n");
    if (start < 0 || !capacity.startsWith(RESIDENCY, start + "\n## Cells\n\n".length())) {
      return Map.of();
    }
    Map<String, Set<String>> cells = new LinkedHashMap<>();
    for (String line : capacity.substring(start).split("\n")) {
      if (line.startsWith("## ") && !line.equals("## Cells")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        Set<String> regions = new LinkedHashSet<>();
        for (String part : (row.group(2) + "," + row.group(3)).split(",")) {
          Matcher region = REGION.matcher(part);
          if (region.find()) {
            regions.add(region.group());
          }
        }
        cells.put(row.group(1), regions);
      }
    }
    return cells;
  }

  /** Every region name of {@link #REGION} holds a point of the compass or "central": a cheap test first. */
  private static boolean mayNameRegion(String line) {
    return COMPASS.stream().anyMatch(line::contains);
  }

  private static String describe(Map<String, Set<String>> cells) {
    return String.join("; ", cells.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
        .toList());
  }
}
