package dev.archforge.review;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a review found: the files it looked at (relative paths, each with the kind it was read as)
 * and the findings, sorted by file, line, rule and message so that the reports are deterministic.
 */
public record ReviewReport(Map<String, String> reviewed, List<ReviewFinding> findings, int suppressed) {
  private static final Comparator<ReviewFinding> ORDER = Comparator.comparing(ReviewFinding::path)
      .thenComparingInt(ReviewFinding::line).thenComparing(f -> f.rule().id()).thenComparing(ReviewFinding::message);

  public ReviewReport {
    reviewed = java.util.Collections.unmodifiableMap(new TreeMap<>(reviewed));
    findings = findings.stream().distinct().sorted(ORDER).toList();
  }

  /** The rules of the findings, each once, by id. */
  public List<Rule> rules() {
    Map<String, Rule> byId = new TreeMap<>();
    findings.forEach(f -> byId.putIfAbsent(f.rule().id(), f.rule()));
    return List.copyOf(byId.values());
  }

  /** The most severe finding's severity, if any. */
  public Optional<Severity> worst() {
    return findings.stream().map(f -> f.rule().severity()).min(Comparator.naturalOrder());
  }

  /** Whether a finding reaches {@code threshold}; never when threshold is empty ({@code --fail-on never}). */
  public boolean fails(Optional<Severity> threshold) {
    return threshold.isPresent() && worst().filter(w -> w.reaches(threshold.get())).isPresent();
  }
}
