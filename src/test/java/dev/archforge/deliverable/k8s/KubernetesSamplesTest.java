package dev.archforge.deliverable.k8s;

import dev.archforge.facts.Facts;
import dev.archforge.facts.SharedKinds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.k8s.KubernetesValidator;
import dev.archforge.deliverable.k8s.PodSecurityChecker;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import dev.archforge.testing.Kubectl;
import dev.archforge.testing.RuntimePlans.Named;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.validate.Finding;
import dev.archforge.validate.RuntimeConsistencyValidator;
import dev.archforge.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, as decided and with the runtime choices varied, through the real decider: every
 * manifest passes the Kubernetes models and the restricted profile, the artifacts agree, every
 * overlay builds with kubectl kustomize, and what each overlay builds passes the same checks.
 */
class KubernetesSamplesTest {
  private static final List<Validator> VALIDATORS = List.of(new KubernetesValidator(), new PodSecurityChecker());
  private static final YAMLMapper YAML = new YAMLMapper();

  static List<Named> plans() {
    return RuntimePlans.samplesAndVariants().stream()
        .filter(n -> new KubernetesDeliverable().supports(Facts.of(n.plan()))).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyManifestPassesTheModelsTheRestrictedProfileAndTheConsistencyRules(Named named) {
    List<Artifact> artifacts = RuntimePlans.render(named.plan());

    List<Finding> findings = new ArrayList<>(validate(artifacts));
    findings.addAll(new RuntimeConsistencyValidator().validate(artifacts));

    assertThat(findings).isEmpty();
    assertThat(artifacts).filteredOn(a -> a.kind().equals(SharedKinds.KUBERNETES))
        .hasSizeGreaterThanOrEqualTo(1 + 7 * named.plan().capacity().services().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyOverlayBuildsAndWhatItBuildsPassesTheSameChecks(Named named, @TempDir Path dir) throws IOException {
    Plan plan = named.plan();
    RuntimePlans.write(RuntimePlans.render(plan), dir);
    String project = plan.requirements().project().name();

    for (String environment : Environments.NAMES) {
      String built = Kubectl.kustomize(dir.resolve("deploy/k8s/overlays/" + environment));

      assertThat(validate(List.of(new Artifact("built/" + environment + ".yaml", built, SharedKinds.KUBERNETES))))
          .as(environment).isEmpty();
      List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(built).readAll();
      assertThat(objects).as(environment).allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText())
          .isEqualTo(project + "-" + environment));
      for (JsonNode hpa : objects.stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
          .toList()) {
        ServiceSizing sizing = plan.capacity().service(hpa.at("/metadata/name").asText()).orElseThrow();
        int min = hpa.at("/spec/minReplicas").asInt();
        int max = hpa.at("/spec/maxReplicas").asInt();
        switch (environment) {
          case "prod" -> assertThat(new int[] {min, max}).containsExactly(sizing.hpaMin(), sizing.hpaMax());
          case "dev" -> assertThat(new int[] {min, max}).containsExactly(1, 2);
          default -> assertThat(max).isLessThanOrEqualTo(sizing.hpaMax()).isGreaterThanOrEqualTo(min);
        }
      }
      long spread = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
          .filter(o -> o.at("/spec/template/spec/topologySpreadConstraints").isArray()).count();
      assertThat(spread > 0).as(environment + " spreads over zones").isEqualTo(environment.equals("prod"));
    }
  }

  private static List<Finding> validate(List<Artifact> artifacts) {
    return artifacts.stream().flatMap(a -> VALIDATORS.stream().filter(v -> v.accepts(a))
        .flatMap(v -> v.validate(a).stream())).toList();
  }
}
