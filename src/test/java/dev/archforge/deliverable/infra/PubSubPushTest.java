package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Functions on Cloud Run are pushed their Pub/Sub messages: each push subscription sends to its
 * service's URL, built from the project's number that infra reads (no placeholder), with an OIDC
 * token of the service's own identity, which Pub/Sub's service agent may sign for and which may
 * invoke that service alone (granted by infra under a condition naming it, so no deploy job writes IAM).
 */
class PubSubPushTest {
  private static final Pattern PUSH = Pattern.compile(
      "\"([^\"]+)\" = \\{ endpoint = \"([^\"]+)\", service_account = module\\.identity\\.emails\\[\"([^\"]+)\"\\] }");

  @Test
  void everyPushIdentityMayInvokeTheServiceItPushesTo() throws Exception {
    List<Artifact> all = InfraSamplesTest.render("saas-projects.yaml", "gcp", Map.of("architecture-style",
        "serverless", "deployment", "serverless"));
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    String root = file(all, "infra/envs/prod/main.tf");
    assertThat(root).contains("data \"google_project\" \"this\" {", "project_number = data.google_project.this.number")
        .doesNotContain("PROJECT_NUMBER");
    Set<String> identities = new TreeSet<>();
    for (Matcher m = PUSH.matcher(root); m.find(); ) {
      assertThat(m.group(2)).as(m.group(1))
          .isEqualTo("https://" + m.group(3) + "-${data.google_project.this.number}.${var.region}.run.app/pubsub/push");
      identities.add(m.group(3));
    }
    assertThat(identities).contains("comments", "notifications", "projects");
    for (String identity : identities) {
      assertThat(root).contains("\"" + identity + "\" = module.identity.emails[\"" + identity + "\"]");
    }
    assertThat(file(all, "infra/modules/broker/main.tf"))
        .contains("resource \"google_service_account_iam_member\" \"push\"",
        "for_each           = var.push_identities", "role               = \"roles/iam.serviceAccountTokenCreator\"",
        "member             = \"serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com\"");

    // infra lets each push identity invoke the one service it pushes to, before the deploy creates it
    assertThat(file(all, "infra/modules/broker/main.tf")).contains("resource \"google_project_iam_member\" \"push_invoker\"",
        "role     = \"roles/run.invoker\"\n  member   = \"serviceAccount:${each.value}\"",
        "expression = \"resource.type == 'run.googleapis.com/Service' && resource.name.endsWith('/locations/${var.region}"
            + "/services/${each.key}')\"");
    assertThat(root).contains("  region         = var.region\n");
    // so the deploy identity writes no IAM policy: run.developer, no invoker binding in the jobs
    assertThat(file(all, "infra/modules/ci-identity/main.tf")).contains("role    = \"roles/run.developer\"")
        .doesNotContain("roles/run.admin");
    JsonNode deploy = GeneratedYaml.mapper().readTree(file(all, ".github/workflows/deploy.yaml"));
    List<String> jobs = new ArrayList<>();
    for (JsonNode job : deploy.path("jobs")) {
      JsonNode step = job.path("steps").get(1);
      assertThat(step.path("run").asText()).as(job.path("name").asText()).contains("gcloud run services replace")
          .doesNotContain("add-iam-policy-binding", "set-iam-policy", "run.invoker");
      jobs.add(job.path("environment").asText());
    }
    assertThat(jobs).containsExactly("dev", "staging", "prod");
    // managed containers pull: no push, nothing granted
    List<Artifact> managed = InfraSamplesTest.render("saas-projects.yaml", "gcp", Map.of());
    assertThat(file(managed, "infra/envs/prod/main.tf")).doesNotContain("google_project", "push = {");
    assertThat(file(managed, ".github/workflows/deploy.yaml")).doesNotContain("add-iam-policy-binding");
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path))
        .content();
  }
}
