package dev.archforge.review;

import dev.archforge.deliverable.Registry;
import dev.archforge.load.RepositoryFiles;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code archforge review}: the files of a repository, classified ({@link Classifier}), checked by
 * generate's own validators and by the review's {@link Check}s. generate's checks across files
 * (ports, users, names, bounds that files state about each other) see the files laid out as in an
 * archforge workspace ({@code deploy/k8s/base/}, {@code api/<service>/}, ...), which is where they
 * can tell what a file claims about another, and the Markdown and YAML documents beside them; each
 * finding gets its rule, and a file's {@code archforge:disable=} comments and the caller's
 * disabled rules drop theirs. A check that fails on a file is a finding, never a crash.
 */
public final class Reviewer {
  private final List<Validator> validators;
  private final List<CrossValidator> crossValidators;
  private final Function<String, Optional<Artifact.Kind>> workspaceKinds;
  private final Rules rules;
  private final List<Check> checks;

  Reviewer(List<Validator> validators, List<CrossValidator> crossValidators,
      Function<String, Optional<Artifact.Kind>> workspaceKinds, Rules rules, List<Check> checks) {
    this.validators = List.copyOf(validators);
    this.crossValidators = List.copyOf(crossValidators);
    this.workspaceKinds = workspaceKinds;
    this.rules = rules;
    this.checks = List.copyOf(checks);
  }

  /** generate's validators and checks across files, with every review check. */
  public static Reviewer standard() {
    Registry registry = Registry.installed();
    return new Reviewer(registry.validators(), registry.crossValidators(), registry::kindOf, Rules.standard(),
        Checks.all());
  }

  public Rules rules() {
    return rules;
  }

  /**
   * Reviews the listed files.
   *
   * @param disabled rule ids turned off for every file (an id turns off the rules below it too)
   */
  public ReviewReport review(RepositoryFiles.Listing listing, Set<String> disabled) {
    Set<String> agents = AgentFolders.in(listing);
    if (agents.isEmpty()) {
      return reviewOne(listing, disabled);
    }
    return AgentFolders.review(listing, agents, (part, prefix) -> AgentFolders.under(prefix, reviewOne(part, disabled)));
  }

  /** Reviews files that form one repository or one workspace. */
  private ReviewReport reviewOne(RepositoryFiles.Listing listing, Set<String> disabled) {
    Classifier classifier = new Classifier(workspaceKinds);
    Map<String, String> original = new HashMap<>();
    Map<String, String> reviewed = new LinkedHashMap<>();
    Map<String, Suppressions> suppressions = new HashMap<>();
    List<Artifact> artifacts = new ArrayList<>();
    List<ReviewFinding> found = new ArrayList<>();
    for (RepositoryFiles.File file : listing.files()) {
      Optional<Artifact.Kind> kind = classifier.kindOf(file.path(), file.text());
      if (kind.isPresent()) {
        String safe = safePath(file.path());
        original.put(safe, file.path());
        if (!Classifier.plain(kind.get())) {
          reviewed.put(file.path(), kind.get().name());
        }
        suppressions.put(file.path(), Suppressions.in(file.text()));
        artifacts.add(new Artifact(safe, file.text(), kind.get()));
      }
    }
    for (RepositoryFiles.Unread unread : listing.unread()) {
      if (classifier.kindOf(unread.path(), "").filter(k -> !Classifier.plain(k)).isPresent()) {
        found.add(new ReviewFinding(rules.get("review/unreadable"), unread.path(), 0, "not reviewed: " + unread.reason()));
      }
    }
    List<Artifact> objects = Kustomizations.withoutPatches(artifacts);
    GeneratorFindings generated = new GeneratorFindings(rules);
    for (Artifact artifact : objects) {
      for (Validator validator : validators) {
        if (validator.accepts(artifact)) {
          guarded(artifact.path(), validator.name(), () -> validator.validate(artifact)).forEach(f -> found.add(
              generated.of(f, original.getOrDefault(f.path(), f.path()))));
        }
      }
    }
    // the checks across files see the files as generate gives them: a kustomization is plain YAML there
    List<Artifact> laidOut = objects.stream().map(a -> a.kind().equals(Classifier.KUSTOMIZATION)
        ? new Artifact(a.path(), a.content(), Artifact.Kind.YAML) : a).filter(a -> Classifier.plain(a.kind())
        || workspaceKinds.apply(original.get(a.path())).isPresent()).toList();
    for (CrossValidator cross : crossValidators) {
      guarded(".", cross.name(), () -> cross.validate(laidOut)).forEach(f -> found.add(
          generated.of(f, original.getOrDefault(f.path(), f.path()))));
    }
    List<Check> all = new ArrayList<>(checks);
    all.add((files, r) -> new Overlays(validators, r).check(files));
    for (Check check : all) {
      List<ReviewFinding> own;
      try {
        own = check.check(artifacts, rules);
      } catch (RuntimeException | StackOverflowError e) {
        own = List.of(new ReviewFinding(rules.get("review/check-failed"), ".", 0, check.getClass().getSimpleName()
            + " could not check the files: " + e));
      }
      own.forEach(f -> found.add(new ReviewFinding(f.rule(), original.getOrDefault(f.path(), f.path()), f.line(),
          f.message())));
    }
    List<ReviewFinding> kept = new ArrayList<>();
    for (ReviewFinding f : found) {
      Suppressions file = suppressions.get(f.path());
      boolean off = disabled.stream().anyMatch(id -> f.rule().id().equals(id) || f.rule().id().startsWith(id + "/"))
          || (file != null && file.disables(f.rule().id()));
      if (!off) {
        kept.add(f);
      }
    }
    return new ReviewReport(reviewed, kept, found.size() - kept.size());
  }

  /** A validator's findings; when it throws, one finding that says so (the review goes on). */
  private List<Finding> guarded(String path, String name, Supplier<List<Finding>> run) {
    try {
      return run.get();
    } catch (RuntimeException | StackOverflowError e) {
      return List.of(new Finding(path, 0, name + " could not check the file: " + e, "review-check-failed"));
    }
  }

  /**
   * A path the artifacts accept (plain characters, no segment starting with '-'), unique per file;
   * findings are reported under the file's real path.
   */
  static String safePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      String s = segment.replaceAll("[^A-Za-z0-9_.-]", "_").replace("..", "_.");
      if (s.isEmpty() || s.startsWith("-") || s.equals(".")) {
        s = "_" + s;
      }
      out.append(out.length() == 0 ? "" : "/").append(s.length() > 128 ? s.substring(0, 128) : s);
    }
    return out.toString();
  }
}
