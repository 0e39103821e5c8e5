package dev.archforge.deliverable.infra;

import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CiIdentities;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Cloud;
import java.util.List;
import java.util.Locale;

/**
 * A root's CI identities as its templates name them (infra/envs/&lt;env&gt;/main.tf, modules/ci-identity): what
 * their trust holds and which outputs the workflows' secrets read, from facts/deploy/CiIdentities; and for a SAM
 * stack, the functions and roles its deploy identity may change.
 *
 * @param env the root ({@code dev}, {@code prod-eu}, …)
 * @param cloud {@code aws}, {@code gcp} or {@code azure}
 * @param secondRegion whether the root is the second production region's (on gcp in production's project)
 */
public record CiView(String env, String cloud, String project, List<String> deployables, boolean secondRegion) {
  public CiView {
    deployables = List.copyOf(deployables);
  }

  /** The issuer of the GitHub OpenID Connect tokens the CI identities trust. */
  public String issuer() {
    return CiIdentities.ISSUER;
  }

  /**
   * The Google service account id of this root's push or deploy identity: {@code <project>-ci-<use>}; the
   * second region's root, in production's project where account ids are unique, {@code ci-<use>-<root>}.
   */
  public String accountId(String use) {
    return secondRegion ? "ci-" + use + "-" + env : CloudNames.serviceAccountId(project, "ci-" + use);
  }

  /** This root's Google workload identity pool id, before its suffix variable (facts/deploy/CloudNames). */
  public String pool() {
    return CloudNames.workloadIdentityPool(project, env);
  }

  /** The root variable that ends the workload identity pool's id. */
  public String poolSuffixVariable() {
    return CloudNames.POOL_SUFFIX_VARIABLE;
  }

  /** The root variable naming the GitHub repository {@code <owner>/<name>} the CI identities trust. */
  public String repositoryVariable() {
    return CiIdentities.REPOSITORY_VARIABLE;
  }

  /** The context claim of the jobs that may be this root's push or deploy identity. */
  public String context(String use) {
    return CiIdentities.context(CiIdentities.Use.valueOf(use.toUpperCase(Locale.ROOT)), env);
  }

  /** The workflow file, {@code @}its ref, whose jobs may be this root's push or deploy identity. */
  public String workflow(String use) {
    return CiIdentities.workflow(CiIdentities.Use.valueOf(use.toUpperCase(Locale.ROOT)));
  }

  /** The deploy workflow's name, the only one whose jobs the AWS CodeBuild runners take (facts/Layout). */
  public String deployWorkflowName() {
    return Layout.DEPLOY_WORKFLOW_NAME;
  }

  /** The OpenTofu format of a token subject from repository, context, repository and workflow. */
  public String subjectFormat() {
    return CiIdentities.SUBJECT_FORMAT;
  }

  /** The root's outputs that the workflows' secrets hold. */
  public List<String> outputs() {
    return CiIdentities.outputs(Cloud.valueOf(cloud.toUpperCase(Locale.ROOT)));
  }

  /** Each deployable's Lambda function (deployment serverless on aws) with the prefix of the role SAM creates for it in this root's stack. */
  public List<LambdaView> lambdas() {
    return deployables.stream().map(d -> new LambdaView(CloudNames.lambdaFunction(project, d, env),
        CloudNames.lambdaRolePrefix(project + "-" + env, d))).toList();
  }

  /** A Lambda function of the root's SAM stack and the prefix of its role's name (facts/deploy/CloudNames). */
  public record LambdaView(String function, String rolePrefix) {}
}
