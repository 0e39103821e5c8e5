package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.model.Plan;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Turns a change set into the work-log view and into the message for conflicts. */
final class Progress {
  private Progress() {}

  static ProgressView view(GenerateRequest request, Plan plan, ChangeSet changes, ChangeReport report,
      List<String> warnings, List<ApiChange> apiChanges) {
    List<String> changed = changes.files().stream()
        .filter(f -> f.status() != Status.UNCHANGED)
        .map(f -> f.status().name().toLowerCase() + " " + f.path() + (f.reason() == null || f.reason().isEmpty() ? ""
            : " (" + f.reason() + ")"))
        .toList();
    List<String> artifacts = changes.files().stream().filter(f -> f.status() != Status.DELETED).map(FileChange::path)
        .sorted().toList();
    String date = DateTimeFormatter.ISO_INSTANT.format(request.now().atOffset(ZoneOffset.UTC).withNano(0));
    List<String> decisions = report.decisions().stream().map(d -> d.topic() + ": " + d.before() + " → " + d.after()
        + " (decisions/" + d.newFile() + " supersedes decisions/" + d.oldFile() + ")").toList();
    return new ProgressView(date, request.input().getFileName().toString(), plan.requirements().project().displayTitle(),
        counts(changes), changed, artifacts, plan.openQuestions(), warnings,
        report.inputs().stream().map(ChangeReport.InputChange::toString).toList(), decisions,
        apiChanges.stream().filter(ApiChange::breaking).map(c -> c.contract() + " (" + c.service() + "): " + c.change()
            + usedBy(report.usersOf(c))).toList());
  }

  /** {@code  — used by frontend/src/api.ts:12, qa/plan.md:3}, or nothing when no other agent's file uses it. */
  static String usedBy(List<String> files) {
    return files.isEmpty() ? "" : " — used by " + String.join(", ", files);
  }

  static String counts(ChangeSet changes) {
    List<String> parts = new ArrayList<>();
    for (Status status : Status.values()) {
      long n = changes.count(status);
      if (n > 0) {
        parts.add(n + " " + status.name().toLowerCase());
      }
    }
    return String.join(", ", parts);
  }

  /**
   * What a person must do: the files in the way (nothing was written), or the files written with
   * conflict markers, each with its marked regions.
   */
  static List<String> conflictMessages(ChangeSet changes, boolean written) {
    List<String> messages = new ArrayList<>();
    List<FileChange> blocked = changes.withStatus(Status.BLOCKED);
    if (!blocked.isEmpty()) {
      messages.add("a person must act first; nothing was written:");
      blocked.forEach(f -> messages.add("  " + f.path() + " — " + f.reason()));
    }
    List<FileChange> conflicts = changes.withStatus(Status.CONFLICT);
    if (!conflicts.isEmpty()) {
      messages.add(written
          ? "the run is written, but these files hold conflict markers where you and the generator changed the same"
              + " lines; resolve each region (keep what is right, delete the <<<<<<< ======= >>>>>>> lines), then run again:"
          : "these files would get conflict markers where you and the generator changed the same lines:");
      conflicts.forEach(f -> messages.add("  " + f.path() + ": lines " + String.join(", ",
          f.conflicts().stream().map(FileChange.Lines::toString).toList())));
    }
    return messages;
  }
}
