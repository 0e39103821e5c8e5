package dev.archforge.model;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who owns each generated file, by path: glob patterns ({@code *} within a folder, {@code **}
 * across folders), tried in order; the first that matches decides, and a file no pattern matches
 * is {@link Mode#MERGED}. The workspace's own rules ({@code .archforge/ownership.yaml},
 * {@code .archforgeignore}) come before the blueprint's.
 */
public record Ownership(List<Rule> rules) {
  public static final Ownership DEFAULT = new Ownership(List.of());

  /** What a run may do to a file. */
  public enum Mode {
    /** Always regenerated; a person's edit is reported and overwritten only with --force. */
    MANAGED,
    /** Regenerated, a person's edits merged in (three-way); the default. */
    MERGED,
    /** Written once, when missing, and never touched again. */
    SEEDED,
    /** Never written. */
    IGNORED;

    /** The spelling in blueprints and ownership files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> parse(String label) {
      for (Mode mode : values()) {
        if (mode.label().equals(label)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * @param glob a path pattern relative to the agent folder, e.g. {@code api/*}{@code /openapi.yaml}
   * @param source where the rule is written, {@code FILE:LINE:COLUMN}
   */
  public record Rule(String glob, Mode mode, String source) {
    /** @throws IllegalArgumentException when the pattern is not a glob */
    public Rule {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    public boolean matches(String path) {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path));
    }
  }

  public Ownership {
    rules = List.copyOf(rules);
  }

  /** The rule that decides a path, if any. */
  public Optional<Rule> ruleFor(String path) {
    return rules.stream().filter(r -> r.matches(path)).findFirst();
  }

  public Mode of(String path) {
    return ruleFor(path).map(Rule::mode).orElse(Mode.MERGED);
  }

  /** These rules, then {@code later}'s. */
  public Ownership then(Ownership later) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(later.rules);
    return new Ownership(all);
  }
}
