package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
