package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.archforge.facts.deploy.DeployAccess;
import dev.archforge.model.Artifact;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes deploy identity may apply every kind its environment's overlay applies, and no more than the
 * namespace: the built-in kinds through its cloud's namespace edit grant, the custom resources (ExternalSecret,
 * SecretStore, Gateway, HTTPRoute, GRPCRoute) through the Role of deploy/k8s/access/ bound to it on EKS (the
 * access entry's group) and AKS (its object id), and on GKE through roles/container.developer.
 */
class DeployMayApplyWhatOverlaysApplyTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyKindTheOverlaysApplyIsOneTheDeployIdentityMayChange() throws IOException {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = render(cloud, "kubernetes");
      assertThat(InfraSamplesTest.check(all)).as(cloud).isEmpty();
      for (String env : List.of("dev", "staging", "prod")) {
        Set<String> applied = applied(all, env);
        assertThat(applied).as(cloud).contains("external-secrets.io/externalsecrets", "external-secrets.io/secretstores",
            "gateway.networking.k8s.io/httproutes", "apps/deployments");
        assertThat(uncovered(all, cloud, env, applied)).as(cloud + " " + env).isEmpty();
        List<JsonNode> access = docs(content(all, "deploy/k8s/access/" + env + ".yaml"));
        assertThat(access.get(0).path("kind").asText()).isEqualTo("Namespace");
        assertThat(access.get(0).path("metadata").path("name").asText()).isEqualTo("shop-" + env);
        assertThat(access.get(0).path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
            .isEqualTo("restricted");
      }
      String binding = content(all, "deploy/k8s/access/prod.yaml");
      switch (cloud) {
        case "aws" -> {
          // the group of the Role's binding is the one the deploy role's access entry carries
          assertThat(binding).contains("kind: \"Group\"\n    name: \"shop-deploy\"");
          assertThat(content(all, "infra/envs/prod/main.tf")).contains("kubernetes_group         = \"shop-deploy\"");
          assertThat(content(all, "infra/modules/ci-identity/main.tf")).contains("kubernetes_groups = [var.kubernetes_group]");
        }
        case "azure" -> {
          assertThat(binding).contains("kind: \"User\"\n    name: \"" + DeployAccess.PRINCIPAL_PLACEHOLDER + "\"");
          assertThat(content(all, "infra/envs/prod/main.tf")).contains("output \"deploy_principal_id\"");
          assertThat(content(all, "infra/README.md")).contains("sed \"s/" + DeployAccess.PRINCIPAL_PLACEHOLDER
              + "/$(tofu -chdir=infra/envs/prod output -raw deploy_principal_id)/\"");
        }
        default -> assertThat(binding).doesNotContain("RoleBinding");
      }
    }
  }

  @Test
  void withoutTheRoleTheCustomResourcesAreNotCovered() throws IOException {
    for (String cloud : List.of("aws", "azure")) {
      List<Artifact> all = render(cloud, "kubernetes");
      String path = "deploy/k8s/access/prod.yaml";
      String namespaceOnly = content(all, path).substring(0, content(all, path).indexOf("---"));
      List<Artifact> broken = all.stream().map(a -> a.path().equals(path) ? new Artifact(path, namespaceOnly, a.kind())
          : a).toList();
      assertThat(uncovered(broken, cloud, "prod", applied(broken, "prod"))).as(cloud).contains(
          "external-secrets.io/externalsecrets", "gateway.networking.k8s.io/httproutes");
    }
  }

  @Test
  void aKindTheEditGrantOnlyReadsIsNotCovered() throws IOException {
    // EKS's AmazonEKSEditPolicy and AKS's RBAC Writer read namespaces and roles but may not write them: an overlay
    // applying one would fail on the cloud, though the core and rbac groups have other kinds the grant writes
    for (String cloud : List.of("aws", "azure")) {
      List<Artifact> all = new ArrayList<>(render(cloud, "kubernetes"));
      all.add(new Artifact("deploy/k8s/overlays/prod/extra.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n"
          + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: x\n",
          all.get(0).kind()));
      assertThat(uncovered(all, cloud, "prod", applied(all, "prod"))).as(cloud)
          .containsExactlyInAnyOrder("/namespaces", "rbac.authorization.k8s.io/roles");
    }
  }

  /** The API group and resource of every object the environment's overlay applies: the base's and its own. */
  private static Set<String> applied(List<Artifact> all, String env) throws IOException {
    Set<String> kinds = new TreeSet<>();
    for (Artifact a : all) {
      boolean mine = a.path().startsWith("deploy/k8s/base/") || a.path().startsWith("deploy/k8s/overlays/" + env + "/");
      if (mine && a.path().endsWith(".yaml") && !a.path().endsWith("kustomization.yaml")) {
        for (JsonNode doc : docs(a.content())) {
          String version = doc.path("apiVersion").asText();
          String kind = doc.path("kind").asText().toLowerCase(Locale.ROOT);
          if (!kind.isEmpty()) {
            kinds.add((version.contains("/") ? version.substring(0, version.indexOf('/')) : "") + "/"
                + (kind.matches(".*[^aeiou]y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s"));
          }
        }
      }
    }
    return kinds;
  }

  /** What of {@code applied} the deploy identity may not change. */
  private static List<String> uncovered(List<Artifact> all, String cloud, String env, Set<String> applied)
      throws IOException {
    Set<String> granted = new TreeSet<>();
    for (JsonNode doc : docs(content(all, "deploy/k8s/access/" + env + ".yaml"))) {
      if (doc.path("kind").asText().equals("Role")) {
        for (JsonNode rule : doc.path("rules")) {
          if (rule.path("verbs").toString().contains("\"patch\"") && rule.path("verbs").toString().contains("\"create\"")) {
            rule.path("apiGroups").forEach(g -> rule.path("resources").forEach(r -> granted.add(g.asText() + "/" + r.asText())));
          }
        }
      }
    }
    boolean developer = cloud.equals("gcp") && content(all, "infra/modules/ci-identity/main.tf")
        .contains("role    = \"roles/container.developer\"");
    List<String> missing = new ArrayList<>();
    for (String kind : applied) {
      if (!DeployAccess.EDITABLE.contains(kind) && !granted.contains(kind) && !developer) {
        missing.add(kind);
      }
    }
    return missing;
  }

  private static List<JsonNode> docs(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> {
      if (d instanceof JsonNode n && !n.isNull() && !n.isMissingNode()) {
        docs.add(n);
      }
    });
    return docs;
  }
}
