package dev.archforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.testing.RuntimePlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consistency rules on the e-commerce sample as microservices (catalog calls inventory, orders
 * calls catalog; secrets from a cloud secret manager): the generated workspace agrees with itself,
 * and each rule, broken once by editing one file, gives its finding at the right place.
 */
class RuntimeConsistencyValidatorTest {
  private static final List<Artifact> GENERATED = RuntimePlans.render(RuntimePlans.ecommerce(
      Map.of("architecture-style", "microservices", "secrets", "cloud-secret-manager")));
  private static final String CATALOG = "deploy/k8s/base/catalog/";
  private List<Artifact> current = GENERATED;

  @Test
  void theGeneratedWorkspaceAgreesWithItself() {
    assertThat(check(GENERATED)).isEmpty();
  }

  @Test
  void dockerfilePortDiffersFromContainerPort() {
    List<Finding> findings = check(edit("deploy/catalog/Dockerfile", "EXPOSE 8080", "EXPOSE 9090"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(CATALOG + "deployment.yaml");
      assertThat(f.message()).contains("containerPort 8080").contains("EXPOSE 9090");
      assertThat(line(f)).contains("containerPort: 8080");
    });
  }

  @Test
  void serviceTargetPortDiffersFromContainerPort() {
    List<Finding> findings = check(edit(CATALOG + "service.yaml", "targetPort: 8080", "targetPort: 8081"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(CATALOG + "service.yaml");
      assertThat(f.message()).contains("targets port 8081");
    });
  }

  @Test
  void probePortDiffersFromContainerPort() {
    String deployment = content(CATALOG + "deployment.yaml");
    int readiness = deployment.indexOf("readinessProbe:");
    String edited = deployment.substring(0, readiness)
        + deployment.substring(readiness).replaceFirst("port: 8080", "port: 8443");

    assertThat(check(replace(CATALOG + "deployment.yaml", edited))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("readinessProbe").contains("8443"));
  }

  @Test
  void dockerfileUserDiffersFromRunAsUser() {
    List<Finding> findings = check(edit("deploy/catalog/Dockerfile", "USER 10001:10001", "USER 10002:10002"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("runAsUser 10001").contains("USER 10002");
      assertThat(line(f)).contains("runAsUser: 10001");
    });
  }

  @Test
  void anEnvironmentVariableWithoutConfigMapOrSecret() {
    List<Finding> findings = check(edit(CATALOG + "deployment.yaml", "          env:\n",
        "          env:\n            - name: FEATURE_FLAGS\n              value: \"all\"\n"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("FEATURE_FLAGS").contains("inline value");
      assertThat(line(f)).contains("FEATURE_FLAGS");
    });
  }

  @Test
  void anEnvironmentVariableFromAKeyTheConfigMapLacks() {
    List<Finding> findings = check(edit(CATALOG + "configmap.yaml", "  \"LOG_LEVEL\": \"info\"\n", "",
        CATALOG + "deployment.yaml", "          env:\n", "          env:\n            - name: LOG_LEVEL\n"
            + "              valueFrom:\n                configMapKeyRef:\n                  name: catalog\n"
            + "                  key: LOG_LEVEL\n"));

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("no such key"));
  }

  @Test
  void aSecretKeyNoExternalSecretDefines() {
    List<Finding> findings = check(edit(CATALOG + "externalsecret.yaml", "    - secretKey: \"CACHE_PASSWORD\"",
        "    - secretKey: \"REDIS_PASSWORD\""));

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
        .contains("CACHE_PASSWORD").contains("does not define"));
  }

  @Test
  void aNetworkPolicyPeerThatIsNoService() {
    List<Finding> findings = check(edit(CATALOG + "networkpolicy.yaml", "app.kubernetes.io/name: \"orders\"",
        "app.kubernetes.io/name: \"billing\""));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(CATALOG + "networkpolicy.yaml");
      assertThat(f.message()).contains("'billing'");
      assertThat(line(f)).contains("billing");
    });
  }

  @Test
  void aMissingHorizontalPodAutoscaler() {
    List<Artifact> without = new ArrayList<>(GENERATED);
    without.removeIf(a -> a.path().equals(CATALOG + "hpa.yaml"));

    assertThat(check(without)).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("deploy/k8s/base/catalog");
      assertThat(f.message()).isEqualTo("catalog has no HorizontalPodAutoscaler named catalog");
    });
  }

  @Test
  void aMissingDockerfile() {
    List<Artifact> without = new ArrayList<>(GENERATED);
    without.removeIf(a -> a.path().equals("deploy/orders/Dockerfile"));

    assertThat(check(without)).singleElement().satisfies(f -> assertThat(f.message()).contains("no Dockerfile"));
  }

  @Test
  void hpaBoundsThatAreNotCapacitys() {
    String hpa = content(CATALOG + "hpa.yaml");
    String max = hpa.substring(hpa.indexOf("maxReplicas: ")).lines().findFirst().orElseThrow();

    List<Finding> findings = check(edit(CATALOG + "hpa.yaml", max, "maxReplicas: 999"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("maxReplicas 999").contains("CAPACITY.md");
      assertThat(line(f)).contains("maxReplicas: 999");
    });
  }

  @Test
  void prodOverlayBoundsThatAreNotCapacitys() {
    List<Finding> findings = check(edit("deploy/k8s/overlays/prod/catalog.yaml", "  minReplicas: 2",
        "  minReplicas: 1"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("deploy/k8s/overlays/prod/catalog.yaml");
      assertThat(f.message()).contains("minReplicas 1");
    });
  }

  @Test
  void withoutKubernetesManifestsThereIsNothingToCrossCheck() {
    List<Artifact> composeOnly = GENERATED.stream().filter(a -> !a.path().startsWith("deploy/k8s/")).toList();

    assertThat(check(composeOnly)).isEmpty();
  }

  private static List<Finding> check(List<Artifact> artifacts) {
    return new RuntimeConsistencyValidator().validate(artifacts);
  }

  private static String content(String path) {
    return GENERATED.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  /** The text of the finding's line in the artifacts the test checked. */
  private String line(Finding f) {
    return current.stream().filter(a -> a.path().equals(f.path())).findFirst()
        .flatMap(a -> a.content().lines().skip(f.line() - 1L).findFirst()).orElse("");
  }

  /** The generated artifacts with each (path, from, to) edit applied once; each edit must match. */
  private List<Artifact> edit(String... edits) {
    List<Artifact> list = new ArrayList<>(GENERATED);
    for (int i = 0; i < edits.length; i += 3) {
      String path = edits[i];
      String content = content(path);
      assertThat(content).as(path).contains(edits[i + 1]);
      list = replaceIn(list, path, content.replaceFirst(java.util.regex.Pattern.quote(edits[i + 1]),
          java.util.regex.Matcher.quoteReplacement(edits[i + 2])));
    }
    current = list;
    return list;
  }

  private List<Artifact> replace(String path, String content) {
    current = replaceIn(GENERATED, path, content);
    return current;
  }

  private static List<Artifact> replaceIn(List<Artifact> from, String path, String content) {
    return from.stream().map(a -> a.path().equals(path) ? new Artifact(a.path(), content, a.kind()) : a).toList();
  }
}
