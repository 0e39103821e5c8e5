package dev.archforge.deliverable.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.decide.RuleDecider;
import dev.archforge.facts.Facts;
import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gateway's class and the namespace of its proxies are the blueprint's, in every file that names them. */
class GatewayDefaultsTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path dir;

  private BlueprintLoader.Result load(String defaults) throws Exception {
    Files.writeString(dir.resolve("blueprint.yaml"), "extends: standard\ndefaults:\n" + defaults);
    return new BlueprintLoader(Pipeline.deliverableIds()).load(dir.toString(), dir);
  }

  private static List<Artifact> render(Blueprint blueprint) {
    Plan plan = new RuleDecider().decide(new RequirementsLoader().load(Path.of("samples/fintech-ledger.yaml"))
        .requirements().orElseThrow(), blueprint);
    return new KubernetesDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  private static String content(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void theStandardBlueprintNamesThePlatformsClassAndATeamNamesItsOwn() throws Exception {
    List<Artifact> standard = render(new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of("."))
        .blueprint().orElseThrow());
    assertThat(YAML.readTree(content(standard, KubernetesDeliverable.BASE + "gateway.yaml"))
        .at("/spec/gatewayClassName").asText()).isEqualTo("platform");

    List<Artifact> team = render(load("  gatewayClass: eg\n  gatewayNamespace: envoy-gateway-system\n")
        .blueprint().orElseThrow());
    assertThat(YAML.readTree(content(team, KubernetesDeliverable.BASE + "gateway.yaml"))
        .at("/spec/gatewayClassName").asText()).isEqualTo("eg");
    JsonNode policy = YAML.readTree(content(team, KubernetesDeliverable.BASE + "transfers/networkpolicy.yaml"));
    assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels").toString())
        .contains("envoy-gateway-system");
    assertThat(team).noneMatch(a -> a.content().contains("gateway-system") && !a.content().contains("envoy-gateway"));
    assertThat(content(team, "deploy/k8s/README.md")).contains("(now `eg`)", "namespace `envoy-gateway-system`");
  }

  @Test
  void aClassThatIsNoKubernetesNameIsAnErrorAtItsPlace() throws Exception {
    BlueprintLoader.Result result = load("  gatewayClass: Envoy_Gateway\n");
    assertThat(result.blueprint()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.column()).isEqualTo(17);
      assertThat(d.message()).contains("'defaults.gatewayClass' must be a Kubernetes name", "'Envoy_Gateway'");
    });
  }
}
