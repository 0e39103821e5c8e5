package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.model.Artifact;
import dev.archforge.validate.GeneratedYaml;
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
 * invoke that service (granted by every deploy job once the service exists).
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

    JsonNode deploy = GeneratedYaml.mapper().readTree(file(all, ".github/workflows/deploy.yaml"));
    List<String> jobs = new ArrayList<>();
    for (JsonNode job : deploy.path("jobs")) {
      JsonNode step = job.path("steps").get(1);
      assertThat(Set.of(step.path("env").path("PUSHED").asText().split(" "))).as(job.path("name").asText())
          .containsExactlyInAnyOrderElementsOf(identities);
      assertThat(step.path("run").asText()).contains("gcloud run services add-iam-policy-binding \"$name\" --member "
          + "\"serviceAccount:$account\"", "--role roles/run.invoker");
      jobs.add(job.path("environment").asText());
    }
    assertThat(jobs).containsExactly("dev", "staging", "prod");
    // managed containers pull: no push, nothing granted
    List<Artifact> managed = InfraSamplesTest.render("saas-projects.yaml", "gcp", Map.of());
    assertThat(file(managed, "infra/envs/prod/main.tf")).doesNotContain("google_project", "push = {");
    assertThat(file(managed, ".github/workflows/deploy.yaml")).doesNotContain("PUSHED", "add-iam-policy-binding");
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path))
        .content();
  }
}
