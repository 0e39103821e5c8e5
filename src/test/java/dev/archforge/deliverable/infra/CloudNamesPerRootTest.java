package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that must differ between the roots of one account or project carry the root (facts/deploy/CloudNames). */
class CloudNamesPerRootTest {
  @Test
  void eachGoogleRootHasItsOwnWorkloadIdentityPoolWhoseSuffixAnotherApplyCanChange() {
    List<Artifact> all = render("saas-projects.yaml", "gcp", Map.of());
    assertThat(file(all, "infra/modules/ci-identity/main.tf"))
        .contains("  workload_identity_pool_id = var.pool_id\n").doesNotContain("workload_identity_pool_id = \"");
    for (String root : List.of("dev", "staging", "prod")) {
      assertThat(file(all, "infra/envs/" + root + "/main.tf")).as(root)
          .contains("  pool_id             = \"taskhub-" + root + "-${var.ci_pool_suffix}\"\n")
          .contains("variable \"ci_pool_suffix\" {\n  type        = string\n  default     = \"1\"\n")
          .contains("condition     = can(regex(\"^[a-z0-9]{1,3}$\", var.ci_pool_suffix))");
    }
    assertThat(file(all, "infra/README.md")).contains("`taskhub-prod-<ci_pool_suffix>` in `envs/prod`")
        .contains("`TF_VAR_ci_pool_suffix=2`");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
  }

  @Test
  void eachAwsOverlaysSecretStoreReadsAsItsOwnRootsRole() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    assertThat(file(all, "deploy/k8s/base/secretstore.yaml"))
        .contains("\"eks.amazonaws.com/role-arn\": \"arn:aws:iam::111122223333:role/shop-secrets\"");
    assertThat(file(all, "deploy/k8s/overlays/dev/kustomization.yaml")).contains("  - target:\n"
        + "      kind: \"ServiceAccount\"\n      name: \"shop-secret-store\"\n    patch: |-\n      - op: replace\n"
        + "        path: /metadata/annotations/eks.amazonaws.com~1role-arn\n"
        + "        value: \"arn:aws:iam::111122223333:role/shop-secrets-dev\"\n");
    assertThat(file(all, "deploy/k8s/overlays/prod/kustomization.yaml")).doesNotContain("ServiceAccount");
    DescriptorsMatchInfrastructure rule = new DescriptorsMatchInfrastructure();
    assertThat(rule.validate(all)).isEmpty();
    List<Artifact> unpatched = BackupsReachRecoveryRegionTest.edited(all, "deploy/k8s/overlays/staging/kustomization.yaml",
        "role/shop-secrets-staging", "role/shop-secrets");
    assertThat(rule.validate(unpatched)).singleElement().extracting(Finding::message).asString()
        .contains("as overlay staging applies it reads through the role shop-secrets, which infra/envs/staging/main.tf"
            + " does not create (module identity's <project>-secrets<name_suffix>: shop-secrets-staging)");
  }

  @Test
  void theEcsDeployOfEachEnvironmentNamesItsOwnRootsRoles(@TempDir Path dir) throws Exception {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    String task = file(all, "deploy/ecs/shop.task-definition.json");
    assertThat(task).contains("role/shop-shop-task\"").contains("role/shop-shop-execution\"");
    String deploy = file(all, ".github/workflows/deploy.yaml");
    assertThat(deploy).contains("ROLE_SUFFIX: \"-dev\"").contains("ROLE_SUFFIX: \"-staging\"");
    // the job's own lines, from the placeholder to the rewritten descriptor, run with bash
    int at = deploy.indexOf("            placeholder=$(jq");
    String end = "> \"$RUNNER_TEMP/$name.json\"";
    String lines = deploy.substring(at, deploy.indexOf(end, at) + end.length()).lines()
        .map(String::strip).collect(Collectors.joining("\n"));
    Files.createDirectories(dir.resolve("agent/deploy/ecs"));
    Files.writeString(dir.resolve("agent/deploy/ecs/shop.task-definition.json"), task);
    for (var suffix : List.of(Map.entry("-dev", "-dev"), Map.entry("", ""))) {
      ProcessBuilder bash = new ProcessBuilder("bash", "-ec", "file=agent/deploy/ecs/shop.task-definition.json\n" + lines)
          .directory(dir.toFile()).redirectErrorStream(true);
      bash.environment().putAll(Map.of("RUNNER_TEMP", dir.toString(), "name", "shop", "account", "123456789012",
          "REGISTRY", "x", "VERSION", "0.1.0", "TAG", "abc", "ROLE_SUFFIX", suffix.getKey()));
      Process run = bash.start();
      String output = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as(output).isZero();
      assertThat(Files.readString(dir.resolve("shop.json")))
          .contains("\"arn:aws:iam::123456789012:role/shop-shop-task" + suffix.getValue() + "\"")
          .contains("\"arn:aws:iam::123456789012:role/shop-shop-execution" + suffix.getValue() + "\"");
    }
    DescriptorsMatchInfrastructure rule = new DescriptorsMatchInfrastructure();
    assertThat(rule.validate(all)).isEmpty();
    assertThat(rule.validate(BackupsReachRecoveryRegionTest.edited(all, ".github/workflows/deploy.yaml",
        "(?m)^.*ROLE_SUFFIX: \"-dev\"\n", ""))).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("names the task role shop-shop-task as the dev deploy applies it, which"
            + " infra/envs/dev/main.tf does not create"));
  }
}
