package dev.archforge.facts.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The subjects every cloud's trust names are the ones GitHub puts in a token once the repository's subject
 * template includes repo, context and job_workflow_ref, in GitHub's documented form
 * (https://docs.github.com/actions/reference/security/oidc: "repo:octo-org/octo-repo:environment:prod:
 * job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"), and the template
 * set once is exactly those three claims.
 */
class CiIdentitiesSubjectTest {
  @Test
  void theSubjectsAreGitHubsDocumentedForm() {
    assertThat(CiIdentities.subject(CiIdentities.Use.DEPLOY, "prod", "octo-org/octo-repo")).isEqualTo(
        "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main");
    // a job without an environment: its context is its ref
    assertThat(CiIdentities.subject(CiIdentities.Use.PUSH, "prod", "octo-org/octo-repo")).isEqualTo(
        "repo:octo-org/octo-repo:ref:refs/heads/main:job_workflow_ref:octo-org/octo-repo/.github/workflows/ci.yaml@refs/heads/main");
    assertThat(CiIdentities.subjectTemplate())
        .isEqualTo("{\"use_default\": false, \"include_claim_keys\": [\"repo\", \"context\", \"job_workflow_ref\"]}");
  }
}
