package dev.archforge.deliverable.docker;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.facts.SharedKinds;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.DockerCompose;
import dev.archforge.testing.ProcessRun;
import dev.archforge.testing.RuntimePlans.Named;
import dev.archforge.testing.RuntimePlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Dockerfiles and the Compose file of every sample and language, Compose checked by docker-compose. */
class DockerDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
  private static final Map<String, String> MICROSERVICES = Map.of("architecture-style", "microservices");

  static List<Named> plans() {
    List<Named> plans = new ArrayList<>(RuntimePlans.samplesAndVariants().stream()
        .filter(n -> new DockerDeliverable().supports(Facts.of(n.plan()))).toList());
    plans.add(new Named("ecommerce on vms", RuntimePlans.ecommerce(Map.of("deployment", "vm"))));
    return plans;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void composeConfigIsClean(Named named, @TempDir Path dir) {
    List<Artifact> artifacts = new DockerDeliverable().contribute(Facts.of(named.plan()), RENDERER);
    RuntimePlans.write(artifacts, dir);
    Path compose = dir.resolve(DockerDeliverable.COMPOSE_PATH);
    DockerCompose.copyEnvExamples(compose);

    ProcessRun run = DockerCompose.configQuiet(compose);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isBlank();
    assertThat(run.out()).isBlank();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyLanguageGetsAMultiStagePinnedNonRootImageWithOnePortAndAHealthCheck(Language language) {
    List<Artifact> artifacts = new DockerDeliverable().contribute(Facts.of(RuntimePlans.ecommerceIn(language, MICROSERVICES)),
        RENDERER);
    List<Artifact> dockerfiles = artifacts.stream().filter(a -> a.kind().equals(SharedKinds.DOCKERFILE)).toList();

    assertThat(dockerfiles).extracting(Artifact::path).containsExactly("deploy/catalog/Dockerfile",
        "deploy/orders/Dockerfile", "deploy/inventory/Dockerfile");
    for (Artifact a : dockerfiles) {
      String text = a.content();
      List<String> images = new ArrayList<>();
      Matcher m = FROM.matcher(text);
      while (m.find()) {
        images.add(m.group(1));
      }
      assertThat(images).as(a.path()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(image -> {
        assertThat(image).doesNotEndWith(":latest").containsPattern(":[^:]*\\d+\\.\\d+");
      });
      assertThat(text).contains("\nUSER 10001:10001\n", "\nEXPOSE 8080\n", "\nHEALTHCHECK ", "\nENTRYPOINT [",
          "@sha256:<digest>");
      assertThat(text).doesNotContainPattern("(?im)^(ARG|ENV)\\s+\\S*(PASSWORD|SECRET|TOKEN)");
      assertThat(text.contains("grpc-health-probe")).as(a.path()).isEqualTo(a.path().contains("inventory"));
    }
    assertThat(artifacts).extracting(Artifact::path).contains("deploy/catalog/Dockerfile.dockerignore");
  }

  @Test
  void secretsComeFromEnvFilesOnlyAndEveryStoreIsHealthyBeforeItsUsers() throws Exception {
    Plan plan = RuntimePlans.ecommerce(Map.of("architecture-style", "microservices", "messaging", "rabbitmq",
        "caching", "redis"));
    List<Artifact> artifacts = new DockerDeliverable().contribute(Facts.of(plan), RENDERER);
    JsonNode compose = YAML.readTree(content(artifacts, DockerDeliverable.COMPOSE_PATH));

    for (Deployable d : Deployables.of(plan)) {
      JsonNode service = compose.at("/services/" + d.name());
      d.secrets().forEach(key -> assertThat(service.path("environment").has(key)).as(key).isFalse());
      assertThat(service.at("/env_file/0").asText()).isEqualTo("./env/" + d.name() + ".env");
      String example = content(artifacts, "deploy/env/" + d.name() + ".env.example");
      d.secrets().forEach(key -> assertThat(example).contains("\n" + key + "="));
      assertThat(service.path("depends_on").size()).isEqualTo(3);
      service.path("depends_on").forEach(dep -> assertThat(dep.path("condition").asText())
          .isEqualTo("service_healthy"));
    }
    compose.path("services").forEach(s -> assertThat(s.has("healthcheck")).isTrue());
    assertThat(compose.path("volumes").size()).isEqualTo(5);
    assertThat(content(artifacts, "deploy/env/rabbitmq.env.example")).contains("RABBITMQ_DEFAULT_PASS=");
  }

  @Test
  void aModularMonolithIsOneImageNamedAfterTheProject() {
    List<Artifact> artifacts = new DockerDeliverable().contribute(Facts.of(RuntimePlans.ecommerce(
        Map.of("architecture-style", "modular-monolith"))), RENDERER);

    assertThat(artifacts).filteredOn(a -> a.kind().equals(SharedKinds.DOCKERFILE)).extracting(Artifact::path)
        .containsExactly("deploy/shop/Dockerfile");
  }

  @Test
  void aModuleInAnotherLanguageIsBuiltWithTheMonolithAndSaysSo() {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replace("languages: [java]", "languages: [java, node]")
        .replace("    language: java ", "    language: node ");
    Plan monolith = AsyncApiPlans.variant("ecommerce.yaml", text, "node module", null,
        Map.of("architecture-style", "modular-monolith")).plan();
    assertThat(new DockerDeliverable().warnings(Facts.of(monolith))).filteredOn(w -> w.contains("catalog"))
        .singleElement().asString().startsWith("ecommerce.yaml:33:3: warning: service 'catalog' states language node")
        .contains("one java process");
    assertThat(content(new DockerDeliverable().contribute(Facts.of(monolith), RENDERER), "deploy/shop/Dockerfile"))
        .contains("maven").doesNotContain("npm");
    Plan micro = AsyncApiPlans.variant("ecommerce.yaml", text, "node service", null,
        Map.of("architecture-style", "microservices")).plan();
    assertThat(new DockerDeliverable().warnings(Facts.of(micro))).noneMatch(w -> w.contains("states language"));
    assertThat(content(new DockerDeliverable().contribute(Facts.of(micro), RENDERER), "deploy/catalog/Dockerfile"))
        .contains("npm");
  }

  @Test
  void functionsAndVmsRunTheImages() {
    DockerDeliverable docker = new DockerDeliverable();
    Plan vm = RuntimePlans.ecommerce(Map.of("deployment", "vm"));

    // container-image functions (AWS Lambda, Cloud Run, Container Apps) run the images too
    assertThat(docker.supports(Facts.of(RuntimePlans.ecommerce(Map.of("architecture-style", "serverless"))))).isTrue();
    assertThat(docker.supports(Facts.of(RuntimePlans.ecommerce(Map.of("deployment", "serverless"))))).isTrue();
    assertThat(docker.supports(Facts.of(vm))).isTrue();
    // the standard blueprint's vm deliverable writes each deployable's user data, so Compose is not their runtime
    assertThat(docker.warnings(Facts.of(vm))).noneMatch(w -> w.startsWith("deployment is vm"));
  }

  private static String content(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }
}
