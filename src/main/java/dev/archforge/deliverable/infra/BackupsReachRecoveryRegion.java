package dev.archforge.deliverable.infra;

import dev.archforge.facts.Layout;
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
 * Coherence rule {@value #NAME}: every backup and recovery plan but nightly snapshots (the choice of
 * the backup-dr record in force) copies the database backups to each cell's recovery region, which
 * CAPACITY.md's Cells table lists ({@code none} for a cell without one), and every production root
 * module keeps that promise: each managed database of {@code infra/envs/prod/} (the home cell's) or
 * {@code infra/envs/prod-<cell>/} copies its backups to exactly that region ({@code backup_region}),
 * and none copies where the table says none or the plan keeps nightly snapshots. The region comes
 * from CAPACITY.md, which every run rewrites, not from the record, which is never rewritten and may
 * name the regions of an earlier run. That the region lies in the cell is data-stays-in-cell's claim.
 * The DynamoDB tables of db/ are held the same way on aws ({@link TableBackups}): each production root's
 * AWS Backup plan covers every table and copies to the cell's recovery region, and every table keeps
 * point-in-time recovery when the plan does.
 */
final class BackupsReachRecoveryRegion implements CrossValidator {
  static final String NAME = "backups-reach-recovery-region";
  private static final Pattern RECORD = Pattern.compile("decisions/\\d{4}-[a-z-]+\\.md");
  private static final Pattern CHOICE = Pattern.compile("(?m)^# \\d+\\. [^:\\n]+: ([a-z-]+)$");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| ([a-z]+) \\|[^|\\n]*\\|[^|\\n]*\\| ([a-z0-9-]+) \\|$");
  private static final Pattern ROOT = Pattern.compile(Pattern.quote(InfraDeliverable.ROOT) + "envs/prod(?:-([a-z]+))?/main\\.tf");
  private static final Pattern DATABASE = Pattern.compile("(?m)^module \"database_([a-z0-9_]+)\" \\{\\n((?:.*\\n)*?)}$");
  private static final Pattern BACKUP_REGION = Pattern.compile("(?m)^\\s*backup_region\\s*=\\s*\"([^\"]*)\"");

  /**
   * What the plan promises: cell → recovery region (or {@code none}) from CAPACITY.md's Cells table,
   * with the line of each row, and whether the backup-dr record in force copies backups at all.
   */
  private record Promise(String record, String choice, boolean copies, Map<String, String> regions,
      Map<String, Integer> lines) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Promise> found = promise(all);
    if (found.isEmpty()) {
      return List.of();
    }
    Promise promise = found.get();
    Map<String, String> regions = promise.regions();
    List<Finding> findings = new ArrayList<>();
    TableBackups tables = new TableBackups(all);
    boolean tablesCopied = false;
    for (Artifact a : all) {
      Matcher root = ROOT.matcher(a.path());
      if (!root.matches()) {
        continue;
      }
      String cell = root.group(1) != null ? root.group(1) : regions.size() == 1 ? regions.keySet().iterator().next() : null;
      String expected = cell == null ? null : promise.copies() ? regions.get(cell) : "none";
      if (expected == null) {
        findings.add(new Finding(a.path(), 1, "is a production root of no cell of " + Layout.CAPACITY + " ("
            + describe(regions) + ")", NAME));
        continue;
      }
      String why = promise.copies() ? Layout.CAPACITY + ":" + promise.lines().get(cell) + " gives the " + cell
          + " cell " + (expected.equals("none") ? "no recovery region" : "the recovery region " + expected) + " and "
          + promise.record() + " (" + promise.choice() + ") copies backups there"
          : promise.record() + " keeps nightly snapshots (" + promise.choice() + "), copied to no other region";
      Matcher db = DATABASE.matcher(a.content());
      while (db.find()) {
        int line = a.content().substring(0, db.start()).split("\n", -1).length;
        Matcher copy = BACKUP_REGION.matcher(db.group(2));
        String actual = copy.find() ? copy.group(1) : "";
        String database = "the database " + db.group(1).replace('_', '-');
        if (expected.equals("none") ? !actual.isEmpty() : !expected.equals(actual)) {
          findings.add(new Finding(a.path(), line, database + (actual.isEmpty() ? " copies its backups nowhere"
              : " copies its backups to " + actual) + " (backup_region), but " + why, NAME));
        }
      }
      if (tables.any() && TableBackups.onAws(a)) {
        findings.addAll(tables.root(a, expected, why, NAME));
        tablesCopied |= !TableBackups.copyRegion(a).isEmpty();
      }
    }
    findings.addAll(tables.module(tablesCopied, NAME));
    findings.addAll(tables.recovery(promise.copies(), promise.record() + " (" + promise.choice() + ") keeps"
        + " point-in-time recovery", NAME));
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    boolean copies = promise(all).map(p -> p.copies() && p.regions().values().stream().anyMatch(r -> !r.equals("none")))
        .orElse(false);
    if (!copies) {
      return Optional.empty();
    }
    List<Artifact> roots = all.stream().filter(a -> ROOT.matcher(a.path()).matches()).toList();
    if (roots.isEmpty()) {
      return Optional.of("the backup-dr record copies backups to a recovery region, but infra/ writes no production"
          + " root module");
    }
    if (roots.stream().noneMatch(a -> DATABASE.matcher(a.content()).find() || TableBackups.hasModule(a))) {
      return Optional.of("the production roots create no managed SQL database and back up no DynamoDB table whose"
          + " backups they could copy");
    }
    return Optional.empty();
  }

  /** The backup-dr record in force and CAPACITY.md's Cells table; empty when either is missing. */
  private static Optional<Promise> promise(List<Artifact> all) {
    Optional<Artifact> capacity = all.stream().filter(a -> a.path().equals(Layout.CAPACITY)).findFirst();
    Optional<Artifact> record = all.stream().filter(a -> RECORD.matcher(a.path()).matches()
        && a.content().contains("\ntopic: backup-dr\n") && !a.content().contains("\nstatus: superseded")).findFirst();
    if (capacity.isEmpty() || record.isEmpty()) {
      return Optional.empty();
    }
    Matcher choice = CHOICE.matcher(record.get().content());
    String text = capacity.get().content();
    int start = text.indexOf("\n## Cells\n");
    if (!choice.find() || start < 0) {
      return Optional.empty();
    }
    int end = text.indexOf("\n## ", start + 1);
    Map<String, String> regions = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    Matcher row = ROW.matcher(text.substring(start, end < 0 ? text.length() : end));
    while (row.find()) {
      regions.put(row.group(1), row.group(2));
      lines.put(row.group(1), text.substring(0, start + row.start()).split("\n", -1).length);
    }
    return regions.isEmpty() ? Optional.empty() : Optional.of(new Promise(record.get().path(), choice.group(1),
        !choice.group(1).equals("daily-backups"), regions, lines));
  }

  private static String describe(Map<String, String> regions) {
    return String.join("; ", regions.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
  }
}
