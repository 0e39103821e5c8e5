package dev.archforge.deliverable.structurizr;

import static org.assertj.core.api.Assertions.assertThat;

import com.structurizr.Workspace;
import com.structurizr.dsl.StructurizrDslParser;
import com.structurizr.model.Container;
import com.structurizr.model.DeploymentNode;
import com.structurizr.model.Element;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.testing.RuntimePlans.Named;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, as decided and with the runtime choices varied: the Structurizr workspace parses
 * with Structurizr's own DSL parser (in memory, and from disk with {@code !adrs} importing the
 * decision records), has a container per deployable and database, and covers the plan.
 */
class StructurizrSamplesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<Named> plans() {
    return RuntimePlans.samplesAndVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theWorkspaceParsesHasEveryContainerAndCoversThePlan(Named named, @TempDir Path dir) throws Exception {
    Facts facts = Facts.of(named.plan());
    List<Artifact> all = PIPELINE.render(facts, RENDERER);
    Artifact dsl = all.stream().filter(a -> a.path().equals(StructurizrDeliverable.PATH)).findFirst().orElseThrow();

    assertThat(new StructurizrValidator().validate(dsl)).isEmpty();
    assertThat(new C4CoversPlan().validate(all)).isEmpty();

    RuntimePlans.write(all, dir);
    StructurizrDslParser parser = new StructurizrDslParser();
    parser.parse(dir.resolve(StructurizrDeliverable.PATH).toFile());
    Workspace w = parser.getWorkspace();
    long records = all.stream().filter(a -> a.path().matches("decisions/\\d{4}-.*\\.md")).count();
    assertThat(w.getDocumentation().getDecisions()).hasSize((int) records);
    List<String> containers = w.getModel().getElements().stream().filter(e -> e instanceof Container)
        .map(Element::getName).toList();
    assertThat(containers).containsAll(facts.deployables().stream().map(Deployable::name).toList());
    facts.plan().requirements().services().stream().filter(s -> !s.entities().isEmpty()).forEach(s ->
        assertThat(containers).anyMatch(c -> c.endsWith(" database")));
    assertThat(w.getViews().getDeploymentViews()).extracting(v -> v.getKey())
        .contains("dev-region-1", "staging-region-1", "prod-region-1");
    regionsOfInfraRoots(all).forEach((root, region) -> assertThat(regionNodes(w, root.split("-")[0]))
        .as("the region of infra/envs/%s in the C4 model's deployment environment", root)
        .anyMatch(n -> n.equals(region) || n.startsWith(region + " (")));
  }

  /** The region each root module of infra/ defaults to, by root name. */
  private static Map<String, String> regionsOfInfraRoots(List<Artifact> all) {
    Pattern region = Pattern.compile("variable \"region\" \\{\\s*type\\s*=\\s*string\\s*default\\s*=\\s*\"([^\"]+)\"");
    Map<String, String> regions = new TreeMap<>();
    for (Artifact a : all) {
      Matcher root = Pattern.compile("infra/envs/([^/]+)/main\\.tf").matcher(a.path());
      Matcher m = region.matcher(a.content());
      if (root.matches() && m.find()) {
        regions.put(root.group(1), m.group(1));
      }
    }
    return regions;
  }

  /** The names of the top-level deployment nodes (the regions) of an environment. */
  private static List<String> regionNodes(Workspace w, String environment) {
    return w.getModel().getDeploymentNodes().stream().filter(n -> n.getEnvironment().equals(environment))
        .map(DeploymentNode::getName).toList();
  }
}
