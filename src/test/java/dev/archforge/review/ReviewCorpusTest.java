package dev.archforge.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code src/test/resources/review/}: small repositories written by hand, one per
 * rule and a clean one, each with the findings it must give ({@code EXPECTED}: {@code path:line
 * rule-id}, one a line); and every generated sample (the golden workspaces) reviews clean.
 */
class ReviewCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/review");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  /**
   * Rules whose cases are the validators' own tests (every pod rule, every descriptor, ...) or a test
   * below ({@code review/check-failed}), not this corpus.
   */
  private static final Set<String> TESTED_WITH_THEIR_VALIDATOR = Set.of("descriptor/valid", "catalog/valid",
      "structurizr/valid", "workflow/valid", "coherence/files-agree", "review/check-failed",
      "k8s/read-only-root-filesystem");
  private static final Reviewer REVIEWER = Reviewer.standard();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Stream<String> samples() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  static List<String> expected(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve("EXPECTED")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .sorted().toList();
  }

  static List<String> actual(ReviewReport report) {
    return report.findings().stream().map(f -> f.path() + ":" + f.line() + " " + f.rule().id()).sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachCaseGivesExactlyItsFindings(String name) throws IOException {
    Path dir = CORPUS.resolve(name);
    ReviewReport report = REVIEWER.review(RepositoryFiles.read(dir), Set.of());
    assertThat(actual(report)).as(name + ": " + report.findings()).isEqualTo(expected(dir));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyGeneratedSampleReviewsCleanAtFailOnWarning(String sample) {
    ReviewReport report = REVIEWER.review(RepositoryFiles.read(GOLDEN.resolve(sample)), Set.of());
    assertThat(report.reviewed()).as(sample).isNotEmpty();
    assertThat(report.fails(Optional.of(Severity.WARNING))).as(sample + ": " + report.findings()).isFalse();
  }

  @Test
  void everyRuleHasACaseInTheCorpus() throws IOException {
    Set<String> found = new HashSet<>();
    for (String name : cases().toList()) {
      expected(CORPUS.resolve(name)).forEach(line -> found.add(line.substring(line.indexOf(' ') + 1)));
    }
    List<String> missing = REVIEWER.rules().all().stream().map(Rule::id)
        .filter(id -> !found.contains(id) && !TESTED_WITH_THEIR_VALIDATOR.contains(id))
        .filter(id -> !id.startsWith("k8s/restricted/") || id.endsWith("/privileged") || id.endsWith("/run-as-non-root"))
        .toList();
    assertThat(missing).as("rules without a case under " + CORPUS).isEmpty();
  }

  @Test
  void aCommentTurnsARuleOffForItsFileOnly() throws IOException {
    Path dir = CORPUS.resolve("suppressed");
    ReviewReport with = REVIEWER.review(RepositoryFiles.read(dir), Set.of());
    RepositoryFiles.Listing stripped = new RepositoryFiles.Listing(RepositoryFiles.read(dir).files().stream()
        .map(f -> new RepositoryFiles.File(f.path(), f.text().replace("archforge:disable=", "archforge:mention=")))
        .toList(), List.of());
    ReviewReport without = REVIEWER.review(stripped, Set.of());
    assertThat(with.findings()).isEmpty();
    assertThat(with.suppressed()).isEqualTo(5);
    assertThat(actual(without)).containsExactly("Dockerfile:2 dockerfile/non-root", "Dockerfile:2 dockerfile/pinned-image",
        "deployment.yaml:23 k8s/probes", "deployment.yaml:23 k8s/probes", "deployment.yaml:23 k8s/probes");
  }

  @Test
  void aDisabledRuleIsOffInEveryFileWithTheRulesBelowIt() {
    ReviewReport report = REVIEWER.review(RepositoryFiles.read(CORPUS.resolve("k8s-plain-secret")), Set.of("k8s"));
    assertThat(report.findings()).isEmpty();
    assertThat(report.suppressed()).isEqualTo(2);
  }

  @Test
  void aPatchIsCheckedInTheOverlayItBuildsNotAsAWholeObject() {
    ReviewReport report = REVIEWER.review(RepositoryFiles.read(CORPUS.resolve("kustomize-patch")), Set.of());
    assertThat(report.reviewed()).containsEntry("prod/privileged.yaml", "kubernetes");
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("prod/kustomization.yaml");
      assertThat(f.message()).isEqualTo("built overlay: Deployment orders: hostNetwork must not be true");
    });
  }

  @Test
  void aCheckThatFailsIsAFindingAndTheReviewGoesOn() {
    Check broken = (files, rules) -> {
      throw new IllegalStateException("boom");
    };
    Reviewer reviewer = new Reviewer(List.of(), List.of(), path -> Optional.empty(), Rules.standard(),
        List.of(broken, new DockerfileCheck()));
    ReviewReport report = reviewer.review(RepositoryFiles.read(CORPUS.resolve("dockerfile-non-root")), Set.of());
    assertThat(actual(report)).containsExactly(".:0 review/check-failed", "Dockerfile:6 dockerfile/non-root");
  }
}
