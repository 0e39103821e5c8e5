package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Blueprint;
import dev.archforge.model.Rule;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's blueprint adds and replaces rules file by file; mistakes in rules are reported at line and column. */
class BlueprintRulesTest {
  @TempDir
  Path dir;

  private BlueprintLoader.Result load(String rulesFile, String text) throws IOException {
    Files.writeString(dir.resolve("blueprint.yaml"), "name: org\nextends: standard\n");
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules").resolve(rulesFile), text);
    return new BlueprintLoader(Pipeline.deliverableIds()).load(dir.toString(), Path.of("."));
  }

  private String file(String name) {
    return dir.resolve("rules").resolve(name).toString();
  }

  @Test
  void anAddedFileIsTriedBeforeTheInheritedRules() throws IOException {
    var result = load("org-caching.yaml", """
        topic: caching
        rules:
          - id: org.caching.always-redis-for-big-data
            when: 'capacity.storageGb12 > 1000'
            choose: redis
            because: "Our platform team runs Redis for every system over 1 TB ({capacity.storageGb12} GB)."
        """);
    assertThat(result.diagnostics()).isEmpty();
    Blueprint blueprint = result.blueprint().orElseThrow();
    List<Rule> rules = blueprint.topic("caching").orElseThrow().rules();
    assertThat(rules.get(0).id()).isEqualTo("org.caching.always-redis-for-big-data");
    assertThat(rules.get(0).source()).isEqualTo(file("org-caching.yaml") + ":3");
    assertThat(rules).hasSizeGreaterThan(1);
    assertThat(blueprint.topic("caching").orElseThrow().optionNames()).contains("none", "redis", "cdn-and-redis");
  }

  @Test
  void aFileOfTheSameNameReplacesTheInheritedOne() throws IOException {
    var result = load("caching.yaml", """
        topic: caching
        title: Caching
        question: Do we cache?
        options:
          none: { summary: No cache., pros: [simple], cons: [slow reads], consequences: [every read hits the database] }
          redis: { summary: Redis., pros: [fast], cons: [one more thing to run], consequences: [cache invalidation] }
        rules:
          - id: org.caching.never
            choose: none
            because: Our policy.
        """);
    assertThat(result.diagnostics()).isEmpty();
    var caching = result.blueprint().orElseThrow().topic("caching").orElseThrow();
    assertThat(caching.rules()).extracting(Rule::id).containsExactly("org.caching.never");
    assertThat(caching.question()).isEqualTo("Do we cache?");
  }

  @Test
  void anUnknownFactIsReportedAtItsColumnWithAHint() throws IOException {
    var result = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.x
            when: 'team.sise > 3'
            choose: redis
        """);
    assertThat(result.blueprint()).isEmpty();
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":4:12: ").contains("team.sise")
            .contains("did you mean 'team.size'"));
  }

  @Test
  void aTypeErrorIsReportedInsideAPlainCondition() throws IOException {
    var result = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.x
            when: project.cloud > 3 and team.size > 2
            choose: redis
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":4:")
            .containsIgnoringCase("number"));
  }

  @Test
  void aLaterTopicsChoiceCannotBeRead() throws IOException {
    var result = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.x
            when: 'decision.backupDr == "active-active"'
            choose: redis
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":4:12: ").contains("decision.backupDr"));
  }

  @Test
  void aChoiceThatIsNoOptionIsReportedAtChoose() throws IOException {
    var result = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.x
            when: 'team.size > 3'
            choose: memcached
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":5:13: ").contains("memcached")
            .contains("cdn-and-redis"));
  }

  @Test
  void anOptionTheDeliverablesDoNotKnowIsRefused() throws IOException {
    var result = load("org.yaml", """
        topic: database
        options:
          oracle: { summary: Oracle., pros: [], cons: [], consequences: [] }
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":3:3: ").contains("oracle")
            .contains("postgresql"));
  }

  @Test
  void anUnknownPlaceholderAndAnUnknownTopicAreReported() throws IOException {
    var result = load("org.yaml", """
        topic: cachng
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":1:8: ").contains("did you mean 'caching'"));
    var placeholder = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.x
            choose: redis
            because: "Peak is {capacity.peak} req/s."
        """);
    assertThat(placeholder.diagnostics()).extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(file("org.yaml") + ":5:").contains("{capacity.peak}")
            .contains("capacity.peakRps"));
  }

  @Test
  void anAlwaysRuleBeforeOthersIsAWarningNotAnError() throws IOException {
    var result = load("org.yaml", """
        topic: caching
        rules:
          - id: org.caching.always
            choose: redis
            because: Our platform runs Redis for everyone.
        """);
    assertThat(result.blueprint()).isPresent();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.isError()).isFalse();
      assertThat(d.message()).contains("never tried").contains("org.caching.always");
    });
  }
}
