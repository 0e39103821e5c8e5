package dev.archforge.review;

import dev.archforge.load.RepositoryFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A workspaces root holds one folder per agent ({@code backend-architect/}, {@code frontend/} ...).
 * Each folder directly under the reviewed one that looks like a workspace (it holds CONTEXT.md or
 * ARCHITECTURE.md) is reviewed as its own root, so the checks across files see the paths its files
 * name each other by; the files outside such folders are reviewed together. Paths are reported
 * relative to the reviewed folder.
 */
final class AgentFolders {
  private static final Set<String> MARKS = Set.of("CONTEXT.md", "ARCHITECTURE.md");

  private AgentFolders() {}

  /** The agent folders of a listing, by name; none when the listing is itself one workspace. */
  static Set<String> in(RepositoryFiles.Listing listing) {
    Set<String> folders = new TreeSet<>();
    for (RepositoryFiles.File file : listing.files()) {
      String[] parts = file.path().split("/");
      if (parts.length == 1 && MARKS.contains(parts[0])) {
        return Set.of(); // the reviewed folder is a workspace itself
      }
      if (parts.length == 2 && MARKS.contains(parts[1])) {
        folders.add(parts[0]);
      }
    }
    return folders;
  }

  /** Reviews each agent folder, and the rest, with {@code review}, and joins the reports. */
  static ReviewReport review(RepositoryFiles.Listing listing, Set<String> folders,
      BiFunction<RepositoryFiles.Listing, String, ReviewReport> review) {
    List<ReviewReport> parts = new ArrayList<>();
    for (String folder : folders) {
      String prefix = folder + "/";
      RepositoryFiles.Listing inside = new RepositoryFiles.Listing(
          listing.files().stream().filter(f -> f.path().startsWith(prefix))
              .map(f -> new RepositoryFiles.File(f.path().substring(prefix.length()), f.text())).toList(),
          listing.unread().stream().filter(u -> u.path().startsWith(prefix))
              .map(u -> new RepositoryFiles.Unread(u.path().substring(prefix.length()), u.reason())).toList());
      parts.add(review.apply(inside, prefix));
    }
    RepositoryFiles.Listing rest = new RepositoryFiles.Listing(
        listing.files().stream().filter(f -> folders.stream().noneMatch(d -> f.path().startsWith(d + "/"))).toList(),
        listing.unread().stream().filter(u -> folders.stream().noneMatch(d -> u.path().startsWith(d + "/"))).toList());
    parts.add(review.apply(rest, ""));
    Map<String, String> reviewed = new LinkedHashMap<>();
    List<ReviewFinding> findings = new ArrayList<>();
    int suppressed = 0;
    for (ReviewReport part : parts) {
      reviewed.putAll(part.reviewed());
      findings.addAll(part.findings());
      suppressed += part.suppressed();
    }
    return new ReviewReport(reviewed, findings, suppressed);
  }

  /** A report of a folder's own review with its paths under {@code prefix}. */
  static ReviewReport under(String prefix, ReviewReport report) {
    if (prefix.isEmpty()) {
      return report;
    }
    Map<String, String> reviewed = new LinkedHashMap<>();
    report.reviewed().forEach((path, kind) -> reviewed.put(prefix + path, kind));
    List<ReviewFinding> findings = report.findings().stream().map(f -> new ReviewFinding(f.rule(),
        f.path().equals(".") ? prefix.substring(0, prefix.length() - 1) : prefix + f.path(), f.line(), f.message()))
        .toList();
    return new ReviewReport(reviewed, findings, report.suppressed());
  }
}
