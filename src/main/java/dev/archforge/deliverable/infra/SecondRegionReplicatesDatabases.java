package dev.archforge.deliverable.infra;

import dev.archforge.facts.deploy.SecondRegion;
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
 * Coherence rule {@value #NAME}: when the backup-dr record in force chooses a warm standby region or
 * active-active, every managed database of production's root ({@code infra/envs/prod/}) has a replica
 * in the second region's root ({@code infra/envs/prod-warm-standby/} or {@code prod-second-region/}):
 * a module of the same name over {@code modules/database-replica} whose source is that database,
 * read from the root's variable of the primaries' IDs. Without a second root (a cloud infra/ writes
 * none for) the rule says it has nothing to check.
 */
final class SecondRegionReplicatesDatabases implements CrossValidator {
  static final String NAME = "second-region-replicates-databases";
  private static final Pattern RECORD = Pattern.compile("decisions/\\d{4}-[a-z-]+\\.md");
  private static final Pattern CHOICE = Pattern.compile("(?m)^# \\d+\\. [^:\\n]+: ([a-z-]+)$");
  private static final Pattern DATABASE = Pattern.compile("(?m)^module \"database_([a-z0-9_]+)\" \\{\\n((?:.*\\n)*?)}$");
  private static final Pattern NAME_ARG = Pattern.compile("(?m)^\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern REPLICA = Pattern.compile("(?m)^\\s*source\\s*=\\s*\"\\.\\./\\.\\./modules/database-replica\"");
  private static final Pattern SOURCE = Pattern.compile("var\\." + SecondRegion.PRIMARIES + "\\[\"([a-z0-9-]+)\"]");
  private static final String PRIMARY = InfraDeliverable.ROOT + "envs/" + SecondRegion.PRIMARY_ROOT + "/main.tf";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<String> root = secondRoot(all);
    Optional<Artifact> primary = file(all, PRIMARY);
    if (root.isEmpty() || primary.isEmpty()) {
      return List.of();
    }
    Optional<Artifact> second = file(all, root.get());
    if (second.isEmpty()) {
      return List.of();
    }
    Map<String, String> replicas = new LinkedHashMap<>();
    Matcher m = DATABASE.matcher(second.get().content());
    while (m.find()) {
      replicas.put(m.group(1), m.group(2));
    }
    List<Finding> findings = new ArrayList<>();
    Matcher db = DATABASE.matcher(primary.get().content());
    while (db.find()) {
      String key = db.group(1);
      Matcher name = NAME_ARG.matcher(db.group(2));
      String instance = name.find() ? name.group(1) : key;
      int line = primary.get().content().substring(0, db.start()).split("\n", -1).length;
      String body = replicas.get(key);
      Matcher from = body == null ? null : SOURCE.matcher(body);
      boolean replicates = from != null && REPLICA.matcher(body).find() && from.find()
          && instance.endsWith("-" + SecondRegion.PRIMARY_ROOT + "-" + from.group(1));
      String why = "the backup-dr record keeps a second region (" + root.get() + "), which must hold a replica of"
          + " every production database";
      if (body == null) {
        findings.add(new Finding(PRIMARY, line, "the database " + instance + " has no replica in " + root.get()
            + ": " + why, NAME));
      } else if (!replicates) {
        findings.add(new Finding(root.get(), 0, "module database_" + key + " is not a replica of " + instance
            + " (modules/database-replica whose source is var." + SecondRegion.PRIMARIES + "[\"<endpoint>\"]): "
            + why, NAME));
      }
    }
    return findings;
  }

  @Override
  public Optional<String> notApplicable(List<Artifact> all) {
    Optional<String> root = secondRoot(all);
    if (root.isPresent() && file(all, PRIMARY).isPresent() && file(all, root.get()).isEmpty()) {
      return Optional.of("the backup-dr record keeps a second region, but infra/ writes no root for it ("
          + root.get() + "): see infra/README.md");
    }
    return Optional.empty();
  }

  /** The second region's root the backup-dr record in force asks for; empty when it keeps none. */
  private static Optional<String> secondRoot(List<Artifact> all) {
    Optional<Artifact> record = all.stream().filter(a -> RECORD.matcher(a.path()).matches()
        && a.content().contains("\ntopic: backup-dr\n") && !a.content().contains("\nstatus: superseded")).findFirst();
    Matcher choice = record.map(r -> CHOICE.matcher(r.content())).filter(Matcher::find).orElse(null);
    if (choice == null) {
      return Optional.empty();
    }
    String root = switch (choice.group(1)) {
      case SecondRegion.WARM -> SecondRegion.WARM_ROOT;
      case SecondRegion.ACTIVE -> SecondRegion.ACTIVE_ROOT;
      default -> null;
    };
    return Optional.ofNullable(root).map(r -> InfraDeliverable.ROOT + "envs/" + r + "/main.tf");
  }

  private static Optional<Artifact> file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst();
  }
}
