package dev.archforge.deliverable.k8s;

import dev.archforge.facts.SharedKinds;
import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the restricted profile (and archforge's three) broken once on a compliant pod. */
class PodSecurityCheckerTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  static final String COMPLIANT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        selector:
          matchLabels: {app.kubernetes.io/name: shop}
        template:
          metadata:
            labels: {app.kubernetes.io/name: shop}
          spec:
            securityContext:
              runAsNonRoot: true
              runAsUser: 10001
              seccompProfile: {type: RuntimeDefault}
            containers:
              - name: shop
                image: registry.example.com/shop/shop:0.1.0
                ports: [{containerPort: 8080}]
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                  limits: {cpu: "1", memory: 1Gi}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                startupProbe: {httpGet: {path: /health/live, port: 8080}}
                livenessProbe: {httpGet: {path: /health/live, port: 8080}}
                readinessProbe: {httpGet: {path: /health/ready, port: 8080}}
                volumeMounts: [{name: tmp, mountPath: /tmp}]
            volumes:
              - name: tmp
                emptyDir: {}
      """;

  /** One way to break each rule, by rule id. */
  static Map<String, Consumer<ObjectNode>> breaks() {
    Map<String, Consumer<ObjectNode>> b = new LinkedHashMap<>();
    b.put("restricted/host-namespaces", pod -> pod.put("hostNetwork", true));
    b.put("restricted/host-process", pod -> context(container(pod)).putObject("windowsOptions")
        .put("hostProcess", true));
    b.put("restricted/privileged", pod -> context(container(pod)).put("privileged", true));
    b.put("restricted/capabilities", pod -> ((ObjectNode) context(container(pod)).get("capabilities"))
        .putArray("add").add("SYS_ADMIN"));
    b.put("restricted/volume-types", pod -> ((ArrayNode) pod.get("volumes")).addObject().put("name", "host")
        .putObject("hostPath").put("path", "/etc"));
    b.put("restricted/host-ports", pod -> ((ObjectNode) container(pod).get("ports").get(0)).put("hostPort", 8080));
    b.put("restricted/apparmor", pod -> context(container(pod)).putObject("appArmorProfile")
        .put("type", "Unconfined"));
    b.put("restricted/selinux", pod -> context(container(pod)).putObject("seLinuxOptions").put("type", "spc_t"));
    b.put("restricted/proc-mount", pod -> context(container(pod)).put("procMount", "Unmasked"));
    b.put("restricted/seccomp", pod -> context(pod).remove("seccompProfile"));
    b.put("restricted/sysctls", pod -> context(pod).putArray("sysctls").addObject()
        .put("name", "kernel.msgmax").put("value", "65536"));
    b.put("restricted/privilege-escalation", pod -> context(container(pod)).remove("allowPrivilegeEscalation"));
    b.put("restricted/run-as-non-root", pod -> context(pod).remove("runAsNonRoot"));
    b.put("restricted/run-as-user", pod -> context(container(pod)).put("runAsUser", 0));
    b.put("archforge/read-only-root-filesystem", pod -> context(container(pod)).put("readOnlyRootFilesystem", false));
    b.put("archforge/resources", pod -> ((ObjectNode) container(pod).get("resources")).remove("limits"));
    b.put("archforge/probes", pod -> container(pod).remove("startupProbe"));
    return b;
  }

  static Stream<Arguments> rules() {
    return breaks().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void aCompliantPodPasses() {
    assertThat(check(COMPLIANT)).isEmpty();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(breaks().keySet()).containsExactlyInAnyOrderElementsOf(
        PodSecurityRules.ALL.stream().map(PodSecurityRules.Rule::id).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void breakingOneRuleGivesThatRulesFindingOnly(String rule, Consumer<ObjectNode> mutation) throws Exception {
    ObjectNode deployment = (ObjectNode) YAML.readTree(COMPLIANT);
    mutation.accept((ObjectNode) deployment.at("/spec/template/spec"));

    List<Finding> findings = check(YAML.writeValueAsString(deployment));

    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.message()).endsWith("[" + rule + "]");
      assertThat(f.line()).isGreaterThan(1);
    });
  }

  @Test
  void podSpecsOfEveryWorkloadKindAreChecked() {
    String cronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  hostPID: true
                  containers: [{name: job, image: "x:1"}]
        """;

    assertThat(check(cronJob)).extracting(Finding::message)
        .anyMatch(m -> m.endsWith("[restricted/host-namespaces]"))
        .anyMatch(m -> m.endsWith("[restricted/run-as-non-root]"));
  }

  @Test
  void objectsWithoutPodsAreNotChecked() {
    assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {A: b}\n")).isEmpty();
  }

  private static List<Finding> check(String yaml) {
    return new PodSecurityChecker().validate(new Artifact("deploy/k8s/base/shop/deployment.yaml", yaml,
        SharedKinds.KUBERNETES));
  }

  private static ObjectNode container(ObjectNode pod) {
    return (ObjectNode) pod.get("containers").get(0);
  }

  private static ObjectNode context(ObjectNode node) {
    JsonNode context = node.get("securityContext");
    return context == null ? node.putObject("securityContext") : (ObjectNode) context;
  }
}
