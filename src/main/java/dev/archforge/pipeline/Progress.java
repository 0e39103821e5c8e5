package dev.archforge.pipeline;

import dev.archforge.model.ApiChange;
import dev.archforge.model.Plan;
import dev.archforge.write.ChangeSet;
import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a change set into the work-log view and into the message for conflicts. */
final class Progress {
  private Progress() {}

  static ProgressView view(GenerateRequest request, Plan plan, ChangeSet changes, List<String> warnings,
      List<ApiChange> apiChanges) {
    List<String> changed = changes.files().stream()
        .filter(f -> f.status() != Status.UNCHANGED)
        .map(f -> f.status().name().toLowerCase() + " " + f.path() + (f.reason() == null ? "" : " (" + f.reason() + ")"))
        .toList();
    List<String> artifacts = changes.files().stream().filter(f -> f.status() != Status.DELETED).map(FileChange::path)
        .sorted().toList();
    String date = DateTimeFormatter.ISO_INSTANT.format(request.now().atOffset(ZoneOffset.UTC).withNano(0));
    return new ProgressView(date, request.input().getFileName().toString(), plan.requirements().project().displayTitle(),
        counts(changes), changed, artifacts, plan.openQuestions(), warnings,
        apiChanges.stream().filter(ApiChange::breaking).map(c -> c.contract() + " (" + c.service() + "): " + c.change())
            .toList());
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

  static List<String> conflictMessages(ChangeSet changes) {
    List<String> messages = new ArrayList<>();
    messages.add("these generated files were edited by hand and the new run would change them; nothing was written:");
    changes.withStatus(Status.CONFLICT).forEach(f -> messages.add("  " + f.path()
        + (f.reason() == null ? "" : " — " + f.reason())));
    messages.addAll(Arrays.asList(
        "Move your edits to the requirements or a template overlay (--templates DIR), or move the file away",
        "to let archforge write it again. Three-way merging of edits is planned; until then archforge refuses."));
    return messages;
  }
}
