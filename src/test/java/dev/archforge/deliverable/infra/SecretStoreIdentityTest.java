package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The External Secrets Operator's identity, which reads every secret of the root, exists only where
 * the operator runs: on Kubernetes. On managed containers and virtual machines each deployable reads
 * its own secret as itself, so no identity is granted secrets that nothing uses.
 */
class SecretStoreIdentityTest {
  private static final String IDENTITY = "infra/modules/identity/main.tf";
  /** What creates or grants the secret store's identity, per cloud. */
  private static final Map<String, List<String>> STORE = Map.of(
      "aws", List.of("resource \"aws_iam_role\" \"secret_store\"", "resource \"aws_iam_role_policy\" \"secret_store\"",
          "\"shop-secret-store\""),
      "gcp", List.of("resource \"google_service_account\" \"secret_store\"",
          "resource \"google_secret_manager_secret_iam_member\" \"secret_store\""),
      "azure", List.of("resource \"azurerm_role_assignment\" \"secret_store\"", "\"shop-secret-store\""));

  @Test
  void onlyKubernetesHasTheSecretStoresIdentity() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      assertThat(content(render(cloud, "kubernetes"), IDENTITY)).as(cloud + " on kubernetes")
          .contains(STORE.get(cloud));
      for (String runtime : List.of("managed-containers", "vm")) {
        List<dev.archforge.model.Artifact> all = render(cloud, runtime);
        assertThat(content(all, IDENTITY)).as(cloud + " on " + runtime).doesNotContain("secret_store")
            .doesNotContain("shop-secret-store");
        assertThat(InfraSamplesTest.check(all)).as(cloud + " on " + runtime).isEmpty();
      }
    }
  }
}
