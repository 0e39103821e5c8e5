package dev.archforge.deliverable.infra;

import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: the backup and recovery record in force promises that each cell's
 * database backups are copied to its recovery region (its driver {@code cells.recovery}, e.g.
 * {@code eu: eu-central-1; us: us-west-2}, or {@code none} for a cell without one), and every
 * production root module keeps that promise: each managed database of {@code infra/envs/prod/} (the
 * home cell's) or {@code infra/envs/prod-<cell>/} copies its backups to exactly that region
 * ({@code backup_region}), and none copies where the record says none. That the region lies in the
 * cell is data-stays-in-cell's claim. A record without the driver (nightly snapshots, or one issued
 * before) promises no copy.
 */
final class BackupsReachRecoveryRegion implements CrossValidator {
  static final String NAME = "backups-reach-recovery-region";
  private static final Pattern RECORD = Pattern.compile("decisions/\\d{4}-[a-z-]+\\.md");
  private static final Pattern PROMISE = Pattern.compile("(?m)^- `cells\\.recovery` = (.+)$");
  private static final Pattern ROOT = Pattern.compile(Pattern.quote(InfraDeliverable.ROOT) + "envs/prod(?:-([a-z]+))?/main\\.tf");
  private static final Pattern DATABASE = Pattern.compile("(?m)^module \"database_([a-z0-9_]+)\" \\{\\n((?:.*\\n)*?)}$");
  private static final Pattern BACKUP_REGION = Pattern.compile("(?m)^\\s*backup_region\\s*=\\s*\"([^\"]*)\"");

  /** The record in force and what it promises: cell → recovery region, or {@code none}. */
  private record Promise(String path, int line, Map<String, String> regions) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Promise> promise = promise(all);
    if (promise.isEmpty()) {
      return List.of();
    }
    Map<String, String> regions = promise.get().regions();
    List<Finding> findings = new ArrayList<>();
    for (Artifact a : all) {
      Matcher root = ROOT.matcher(a.path());
      if (!root.matches()) {
        continue;
      }
      String cell = root.group(1) != null ? root.group(1) : regions.size() == 1 ? regions.keySet().iterator().next() : null;
      String expected = cell == null ? null : regions.get(cell);
      String where = promise.get().path() + ":" + promise.get().line();
      if (expected == null) {
        findings.add(new Finding(a.path(), 1, "is a production root of no cell " + where + " names (cells.recovery: "
            + describe(regions) + ")", NAME));
        continue;
      }
      Matcher db = DATABASE.matcher(a.content());
      while (db.find()) {
        int line = a.content().substring(0, db.start()).split("\n", -1).length;
        Matcher copy = BACKUP_REGION.matcher(db.group(2));
        String actual = copy.find() ? copy.group(1) : "";
        String database = "the database " + db.group(1).replace('_', '-');
        if (expected.equals("none") && !actual.isEmpty()) {
          findings.add(new Finding(a.path(), line, database + " copies its backups to " + actual + ", but " + where
              + " says the " + cell + " cell has no recovery region (cells.recovery: " + describe(regions) + ")", NAME));
        } else if (!expected.equals("none") && !expected.equals(actual)) {
          findings.add(new Finding(a.path(), line, database + (actual.isEmpty() ? " copies its backups nowhere"
              : " copies its backups to " + actual) + " (backup_region), but " + where + " promises that the " + cell
              + " cell's backups are copied to " + expected, NAME));
        }
      }
    }
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    boolean copies = promise(all).map(p -> p.regions().values().stream().anyMatch(r -> !r.equals("none"))).orElse(false);
    if (!copies) {
      return Optional.empty();
    }
    List<Artifact> roots = all.stream().filter(a -> ROOT.matcher(a.path()).matches()).toList();
    if (roots.isEmpty()) {
      return Optional.of("the backup-dr record promises backup copies, but infra/ writes no production root module");
    }
    if (roots.stream().noneMatch(a -> DATABASE.matcher(a.content()).find())) {
      return Optional.of("the production roots create no managed SQL database whose backups they could copy");
    }
    return Optional.empty();
  }

  /** The backup-dr record in force, with its {@code cells.recovery} driver; empty when none promises copies. */
  private static Optional<Promise> promise(List<Artifact> all) {
    for (Artifact a : all) {
      String text = a.content();
      if (!RECORD.matcher(a.path()).matches() || !text.contains("\ntopic: backup-dr\n")
          || text.contains("\nstatus: superseded")) {
        continue;
      }
      Matcher m = PROMISE.matcher(text);
      if (m.find()) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String part : m.group(1).split(";")) {
          String[] kv = part.trim().split(":\\s*", 2);
          if (kv.length == 2) {
            regions.put(kv[0].trim(), kv[1].trim());
          }
        }
        return Optional.of(new Promise(a.path(), text.substring(0, m.start()).split("\n", -1).length, regions));
      }
    }
    return Optional.empty();
  }

  private static String describe(Map<String, String> regions) {
    return String.join("; ", regions.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
  }
}
