package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders what regenerating would change into incremental steps, from what a workspace holds to
 * what the requirements imply: documents first; additive schema changes (expand) before the
 * contracts and services that use them; new services stood up beside the current system
 * (strangler); runtime, then security; breaking contract changes as expand/contract with the
 * clients named; destructive schema changes (contract) and retired services last.
 */
public final class MigrationPlanner {
  /** The kinds of step, in the order they are rolled out. */
  enum Kind {
    DOCUMENTS("Record the decisions and documents", "roll-out",
        "none: documents only", "Revert the files."),
    DATA_EXPAND("Expand the data stores", "expand/contract: expand",
        "low: additive (new tables, columns, indexes); the running code ignores them. Watch lock times on large tables.",
        "Leave them in place (the old code does not use them), or drop the new objects while nothing writes them."),
    CONTRACT_ADD("Add to the contracts (compatible changes)", "roll-out",
        "low: clients of the current contracts keep working.",
        "Deploy the previous version again before any client uses what is new."),
    NEW_SERVICE("Stand up %s beside the current system", "strangler",
        "medium: a new deployable; it takes no traffic until its routes move to it, one at a time.",
        "Route its paths back to the current system; it holds no data of record until the cut-over."),
    RUNTIME("Roll out the runtime changes", "roll-out, one environment at a time (dev, staging, prod)",
        "medium: replicas, limits, images and infrastructure change under load.",
        "Apply the previous manifests and infrastructure from version control."),
    SECURITY("Apply the security controls", "roll-out, one environment at a time",
        "medium: a control that is too tight denies traffic or access the system needs; watch the denials.",
        "Apply the previous policies and documents from version control."),
    CONTRACT_BREAK("Change %s without breaking its clients", "expand/contract",
        "high: clients built against the current contract fail once the old shape is gone.",
        "Keep serving the old shape; remove it only when no client uses it (the old version stays deployable)."),
    DATA_CONTRACT("Contract the data stores", "expand/contract: contract",
        "high: destroys data or may fail on existing rows; run only when no deployed code reads what goes.",
        "Restore from the point-in-time backup taken just before; no migration brings dropped data back."),
    RETIRE("Retire %s", "strangler: retire",
        "medium: anything still calling it fails.",
        "Deploy it again from the previous release and route its paths back.");

    final String title;
    final String pattern;
    final String risk;
    final String rollback;

    Kind(String title, String pattern, String risk, String rollback) {
      this.title = title;
      this.pattern = pattern;
      this.risk = risk;
      this.rollback = rollback;
    }
  }

  /** Which later kinds wait for each kind. */
  private static final Map<Kind, Set<Kind>> UNBLOCKS = new EnumMap<>(Map.of(
      Kind.DOCUMENTS, EnumSet.complementOf(EnumSet.of(Kind.DOCUMENTS)),
      Kind.DATA_EXPAND, EnumSet.of(Kind.CONTRACT_ADD, Kind.NEW_SERVICE, Kind.CONTRACT_BREAK, Kind.DATA_CONTRACT),
      Kind.CONTRACT_ADD, EnumSet.of(Kind.NEW_SERVICE, Kind.CONTRACT_BREAK),
      Kind.NEW_SERVICE, EnumSet.of(Kind.CONTRACT_BREAK, Kind.RETIRE),
      Kind.RUNTIME, EnumSet.of(Kind.SECURITY, Kind.RETIRE),
      Kind.SECURITY, EnumSet.noneOf(Kind.class),
      Kind.CONTRACT_BREAK, EnumSet.of(Kind.DATA_CONTRACT, Kind.RETIRE),
      Kind.DATA_CONTRACT, EnumSet.noneOf(Kind.class),
      Kind.RETIRE, EnumSet.noneOf(Kind.class)));
  private static final Set<Status> TOUCHED = EnumSet.of(Status.WRITTEN, Status.UPDATED, Status.MERGED, Status.DELETED,
      Status.CONFLICT, Status.RESTORED);

  private MigrationPlanner() {}

  /**
   * The plan from the workspace under {@code request.out()} to what {@code request.input()} implies:
   * what {@code generate} would do there (computed in full, written nowhere), ordered into steps.
   *
   * @param findings the review's findings in the agent folder
   */
  public static MigrationPlan plan(Pipeline pipeline, GenerateRequest request, List<MigrationPlan.Finding> findings) {
    GenerateResult preview = pipeline.preview(request);
    List<String> services = pipeline.plan(request.input(), request.blueprint()).plan().requirements().services()
        .stream().map(dev.archforge.model.Service::name).toList();
    return of(request.input().getFileName().toString(), preview, services, findings);
  }

  /** {@code MIGRATION-PLAN.md}. */
  public static String render(MigrationPlan plan) {
    return new dev.archforge.render.TemplateRenderer(List.of()).render("workspace/migration-plan.md.ftl", plan);
  }

  /** A group of files one step rolls out: its kind and what it is about (a service, a contract). */
  private record Group(Kind kind, String subject) {}

  /**
   * The plan from what a preview of {@code generate} would change.
   *
   * @param services the services the requirements name
   * @param findings the review's findings in the agent folder
   */
  static MigrationPlan of(String requirements, GenerateResult preview, List<String> services,
      List<MigrationPlan.Finding> findings) {
    List<FileChange> files = preview.changes().files();
    Map<String, Set<Status>> folders = new TreeMap<>();
    for (FileChange f : files) {
      folder(f.path()).ifPresent(d -> folders.computeIfAbsent(d, k -> EnumSet.noneOf(Status.class)).add(f.status()));
    }
    Map<Group, List<FileChange>> groups = new TreeMap<>(java.util.Comparator.comparing(Group::kind)
        .thenComparing(Group::subject));
    for (FileChange f : files) {
      if (TOUCHED.contains(f.status())) {
        groups.computeIfAbsent(group(f, preview, services, folders), g -> new ArrayList<>()).add(f);
      }
    }
    List<MigrationPlan.Finding> open = new ArrayList<>(findings);
    List<Group> order = List.copyOf(groups.keySet());
    List<MigrationPlan.Step> steps = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Group group = order.get(i);
      List<FileChange> changed = groups.get(group);
      List<String> resolves = new ArrayList<>();
      for (MigrationPlan.Finding finding : List.copyOf(open)) {
        if (changed.stream().anyMatch(f -> f.path().equals(finding.path()))) {
          resolves.add(finding.rule() + " at " + finding.path() + ":" + Math.max(1, finding.line()));
          open.remove(finding);
        }
      }
      steps.add(new MigrationPlan.Step(i + 1, group.kind().title.formatted(group.subject()), group.kind().pattern,
          changed.stream().map(f -> f.status().name().toLowerCase() + " " + f.path()).toList(),
          details(group, changed, preview), group.kind().risk, unblocks(group, order, i), group.kind().rollback,
          resolves));
    }
    return new MigrationPlan(requirements, steps,
        files.stream().filter(f -> f.status() == Status.MERGED || f.status() == Status.CONFLICT)
            .map(f -> f.path() + " (" + f.status().name().toLowerCase() + ")").toList(),
        files.stream().filter(f -> f.status() == Status.BLOCKED).map(f -> f.path() + " — " + f.reason()).toList(),
        open.stream().map(MigrationPlan.Finding::toString).toList());
  }

  /** {@code books} for {@code api/books/openapi.yaml}, {@code deploy/books/Dockerfile}, {@code db/books/...}. */
  private static java.util.Optional<String> folder(String path) {
    String[] parts = path.split("/");
    return parts.length >= 3 && Set.of("api", "deploy", "db").contains(parts[0]) ? java.util.Optional.of(parts[1])
        : java.util.Optional.empty();
  }

  private static Group group(FileChange f, GenerateResult preview, List<String> services,
      Map<String, Set<Status>> folders) {
    String path = f.path();
    java.util.Optional<String> folder = folder(path);
    if (folder.isPresent()) {
      Set<Status> statuses = folders.get(folder.get());
      if (services.contains(folder.get()) && statuses.equals(EnumSet.of(Status.WRITTEN))) {
        return new Group(Kind.NEW_SERVICE, folder.get());
      }
      if (!services.contains(folder.get()) && statuses.equals(EnumSet.of(Status.DELETED))) {
        return new Group(Kind.RETIRE, folder.get());
      }
    }
    if (path.startsWith("db/") && !path.endsWith(".md")) {
      boolean destructive = preview.migrations().stream().anyMatch(m -> m.path().equals(path)
          && m.changes().stream().anyMatch(MigrationReport.Change::destructive));
      return new Group(destructive ? Kind.DATA_CONTRACT : Kind.DATA_EXPAND, "");
    }
    if (path.startsWith("api/")) {
      boolean breaking = preview.apiChanges().stream().anyMatch(c -> c.contract().equals(path) && c.breaking());
      return breaking ? new Group(Kind.CONTRACT_BREAK, path) : new Group(Kind.CONTRACT_ADD, "");
    }
    if (path.startsWith("security/") || path.contains("network-polic") || path.contains("networkpolic")) {
      return new Group(Kind.SECURITY, "");
    }
    if (path.startsWith("deploy/") || path.startsWith("infra/") || path.startsWith(".github/")
        || path.startsWith("observability/") || path.startsWith("architecture/") || !path.endsWith(".md")) {
      return new Group(Kind.RUNTIME, "");
    }
    return new Group(Kind.DOCUMENTS, "");
  }

  /** The contract changes, the migration statements and, for a breaking change, the clients to move. */
  private static List<String> details(Group group, List<FileChange> files, GenerateResult preview) {
    List<String> details = new ArrayList<>();
    Set<String> paths = new java.util.HashSet<>(files.stream().map(FileChange::path).toList());
    if (group.kind() == Kind.CONTRACT_BREAK) {
      details.add("Expand: serve the new shape beside the old (a new version or new fields and operations), "
          + "move every client, then contract: remove the old shape.");
    }
    if (group.kind() == Kind.DATA_CONTRACT) {
      details.add("To expand first, generate from requirements that still keep what this removes, roll out the steps "
          + "before this one and move every reader off it; then generate from these requirements for this step.");
    }
    if (group.kind() == Kind.NEW_SERVICE) {
      details.add("Deploy it, then move its routes from the current system one at a time (at the gateway or the "
          + "callers), watching errors and latency after each.");
    }
    for (ApiChange c : preview.apiChanges()) {
      if (paths.contains(c.contract()) && (group.kind() != Kind.CONTRACT_ADD || !c.breaking())) {
        List<String> users = preview.report().usersOf(c);
        details.add((c.breaking() ? "breaking: " : "compatible: ") + c.change()
            + (users.isEmpty() ? "" : " — clients to move: " + String.join(", ", users)));
      }
    }
    for (MigrationReport m : preview.migrations()) {
      if (paths.contains(m.path())) {
        m.changes().forEach(c -> details.add(m.path() + ": " + c.code() + (c.destructive() ? " (destructive)" : "")
            + " " + c.statement()));
      }
    }
    return details;
  }

  private static String unblocks(Group group, List<Group> order, int index) {
    Map<Integer, String> later = new LinkedHashMap<>();
    for (int j = index + 1; j < order.size(); j++) {
      if (UNBLOCKS.get(group.kind()).contains(order.get(j).kind())) {
        later.put(j + 1, order.get(j).kind().title.formatted(order.get(j).subject()));
      }
    }
    if (later.isEmpty()) {
      return "nothing later in this plan";
    }
    List<String> named = new ArrayList<>();
    later.forEach((n, title) -> named.add("step " + n + " (" + title + ")"));
    return String.join(", ", named);
  }
}
