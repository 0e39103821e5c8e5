package dev.archforge.testing;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.observability.ObservabilityDeliverable;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.deliverable.security.SecurityDeliverable;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Markdown file archforge generates passes markdownlint (settings in
 * {@code src/test/node/.markdownlint-cli2.jsonc}): the whole workspace of every sample, plus the
 * security and observability documents of the samples and of the hand-built fixtures (each
 * authentication method).
 */
class GeneratedMarkdownLintTest {
  private static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  /**
   * Findings in other deliverables' templates, reported to their owners: {@code path-suffix rule}.
   * Remove an entry once its template is fixed.
   */
  /** Findings accepted on purpose, as "FILE RULE"; none today. */
  static final List<String> KNOWN = List.of();

  @TempDir
  Path tmp;

  @Test
  void everyGeneratedMarkdownFilePassesMarkdownlint() throws IOException {
    for (Path sample : SamplePlans.samples()) {
      String name = SamplePlans.name(sample);
      Path out = tmp.resolve(name);
      Pipeline.standard().generate(new GenerateRequest(sample, out, Optional.empty(), List.of(), false, DATE));
      Plan plan = SamplePlans.plan(sample);
      write(out.resolve("backend-architect"), plan);
    }
    for (PlanFixtures.Named fixture : PlanFixtures.all()) {
      write(tmp.resolve("fixtures").resolve(fixture.name().replaceAll("[^A-Za-z0-9-]", "-")), fixture.plan());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tmp)) {
      files = walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/.archforge/")).sorted()
          .toList();
    }
    assertThat(files.stream().map(Path::toString).toList()).anyMatch(f -> f.endsWith("ecommerce/backend-architect/"
        + "security/THREAT-MODEL.md")).anyMatch(f -> f.endsWith("minimal/backend-architect/CONTEXT.md"));
    List<MarkdownLint.Finding> findings = new ArrayList<>();
    for (MarkdownLint.Finding f : MarkdownLint.lint(tmp, files)) {
      if (KNOWN.stream().noneMatch(k -> f.file().endsWith(k.split(" ")[0]) && f.rule().equals(k.split(" ")[1]))) {
        findings.add(f);
      }
    }
    assertThat(findings).as("markdownlint findings").isEmpty();
  }

  private static void write(Path dir, Plan plan) throws IOException {
    List<Artifact> artifacts = new ArrayList<>(new SecurityDeliverable().contribute(Facts.of(plan), RENDERER));
    artifacts.addAll(new ObservabilityDeliverable().contribute(Facts.of(plan), RENDERER));
    for (Artifact a : artifacts) {
      Path file = dir.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, a.content());
    }
  }
}
