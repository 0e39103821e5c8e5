package dev.archforge.deliverable.architecture;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.architecture.ArchitecturePlans.Named;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.NodeTools.MermaidReport;
import dev.archforge.testing.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, as decided by the standard blueprint and with the style and main choices
 * overridden, gives an ARCHITECTURE.md whose diagrams the real mermaid parser accepts, with one
 * diagram per thing that needs one and no edge to an undeclared element.
 */
class ArchitectureSamplesTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  @TempDir Path tmp;

  static List<Named> plans() {
    return ArchitecturePlans.samplesAndVariants();
  }

  /** 1 context + 1 container + an ERD per service owning entities + a flow per published event + a chain per public caller. */
  static int expectedDiagrams(Requirements r) {
    long erds = r.services().stream().filter(s -> !s.entities().isEmpty()).count();
    long flows = r.events().stream()
        .filter(e -> r.services().stream().anyMatch(s -> s.publishes().contains(e.name()))).count();
    long chains = r.services().stream().filter(s -> s.isPublic() && !s.calls().isEmpty()).count();
    long stateMachines = r.entities().stream().filter(e -> e.states() != null).count();
    long emitting = r.services().stream().flatMap(s -> r.ownedBy(s).stream())
        .flatMap(e -> e.operations().stream()).filter(o -> o.emits() != null).count();
    return (int) (2 + erds + flows + chains + stateMachines + emitting);
  }

  static String render(Plan plan) {
    List<Artifact> artifacts = new ArchitectureDeliverable().contribute(Facts.of(plan), RENDERER);
    assertThat(artifacts).extracting(Artifact::path).containsExactly("ARCHITECTURE.md");
    return artifacts.get(0).content();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void diagramsAreCompleteAndEveryEdgeHasBothEnds(Named named) {
    String markdown = render(named.plan());
    List<String> blocks = MermaidStructure.blocks(markdown);

    assertThat(blocks).hasSize(expectedDiagrams(named.plan().requirements()));
    assertThat(blocks.get(0)).startsWith("C4Context\n");
    assertThat(blocks.get(1)).startsWith("C4Container\n");
    for (String block : blocks) {
      assertThat(MermaidStructure.problems(block)).as(block).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void markdownIsTidyAndTheSamePlanGivesTheSameText(Named named) {
    String markdown = render(named.plan());

    assertThat(markdown).endsWith("\n").doesNotContain("\n\n\n").doesNotContain("\t");
    assertThat(markdown.lines().filter(l -> !l.equals(l.stripTrailing())).toList()).isEmpty();
    assertThat(render(named.plan())).isEqualTo(markdown);
    assertThat(markdown).contains("](decisions/0001-architecture-style.md)", "](CAPACITY.md)",
        "](decisions/README.md)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theContainerDiagramFollowsTheStyle(Named named) {
    Plan plan = named.plan();
    Requirements r = plan.requirements();
    String container = MermaidStructure.blocks(render(plan)).get(1);
    long owners = r.services().stream().filter(s -> !s.entities().isEmpty()).count();

    if (plan.choice("architecture-style").equals("modular-monolith")) {
      assertThat(container.lines().filter(l -> l.trim().startsWith("Container(app_"))).hasSize(1);
      assertThat(container).doesNotContain("Container(svc_");
      assertThat(container.lines().filter(l -> l.trim().startsWith("ContainerDb(db_"))).hasSize(owners > 0 ? 1 : 0);
    } else {
      for (Service s : r.services()) {
        assertThat(container).contains("Container(" + MermaidText.id("svc", s.name()) + ", ");
      }
      assertThat(container.lines().filter(l -> l.trim().startsWith("ContainerDb(db_"))).hasSize((int) owners);
      for (Service s : r.services()) {
        for (String callee : s.calls()) {
          assertThat(container).contains("Rel(" + MermaidText.id("svc", s.name()) + ", "
              + MermaidText.id("svc", callee) + ", \"Calls\"");
        }
      }
    }
    assertThat(container.contains("ContainerQueue(broker")).isEqualTo(!plan.chose("messaging", "none"));
    assertThat(container.contains("Container(gateway")).isEqualTo(!plan.chose("api-gateway", "none"));
  }

  @Test
  void theMermaidParserAcceptsEveryDiagramOfEverySampleAndVariant() throws Exception {
    List<Path> files = new ArrayList<>();
    int expected = 0;
    for (Named named : plans()) {
      Path file = tmp.resolve(named.name().replaceAll("[^A-Za-z0-9]+", "-") + "/ARCHITECTURE.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, render(named.plan()));
      files.add(file);
      expected += expectedDiagrams(named.plan().requirements());
    }

    MermaidReport report = NodeTools.mermaid(files);

    assertThat(report.errors()).isEmpty();
    assertThat(report.blocks()).isEqualTo(expected);
  }

  @Test
  void theSamplesCoverBothStyles() {
    Map<String, String> styles = new java.util.TreeMap<>();
    for (Path sample : ArchitecturePlans.samples()) {
      styles.put(sample.getFileName().toString(), ArchitecturePlans.decide(sample, Map.of())
          .choice("architecture-style"));
    }
    assertThat(styles).containsEntry("iot-telemetry.yaml", "microservices")
        .containsEntry("minimal.yaml", "modular-monolith");
  }
}
