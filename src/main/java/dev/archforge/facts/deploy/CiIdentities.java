package dev.archforge.facts.deploy;

import dev.archforge.facts.Layout;
import dev.archforge.model.Cloud;
import java.util.List;

/**
 * The identities the GitHub workflows log in to the cloud as, decided here once: each root of
 * infra/ creates two, trusted by this repository's OpenID Connect token alone, and the workflows
 * read which they are from GitHub secrets that hold only what infra/ outputs (no key is stored).
 * <ul>
 *   <li>the <em>push</em> identity: only the ci workflow's run on {@code main} may be it, and of its jobs only the
 *       image job gets a token ({@code id-token: write}); it pushes to the root's registry; the repository
 *       secret {@code <ROOT>_<NAME>} names it;</li>
 *   <li>the <em>deploy</em> identity: only the deploy workflow's jobs of the GitHub environment named after the
 *       root (where prod's required reviewers approve) may be it; the environment's secret {@code <NAME>} names it.</li>
 * </ul>
 * A token names its workflow file only once the repository's subject template includes
 * {@link #SUBJECT_CLAIMS} (set once per repository; infra/README.md says how): GitHub's default subject
 * names the branch or environment alone, which any workflow file on main could present. Every cloud
 * compares the whole subject ({@link #SUBJECT_FORMAT}), so no cloud needs a claim of its own.
 * Each secret's value is a root output: {@code tofu -chdir=infra/envs/<root> output -raw <output>}.
 */
public final class CiIdentities {
  /** The issuer of GitHub Actions' OpenID Connect tokens. */
  public static final String ISSUER = "https://token.actions.githubusercontent.com";
  /** The root variable naming the repository whose workflows the identities trust: {@code <owner>/<name>}. */
  public static final String REPOSITORY_VARIABLE = "github_repository";
  /** The branch the ci workflow's image job pushes from, and the deploy workflow runs from (workflow_run: the default branch). */
  public static final String MAIN = "refs/heads/main";
  /**
   * The claims GitHub puts in this repository's token subject, in this order: the repository, the job's
   * context (its environment, or else its ref) and the workflow file with the ref it ran from.
   */
  public static final List<String> SUBJECT_CLAIMS = List.of("repo", "context", "job_workflow_ref");
  /**
   * The subject those claims make, as an OpenTofu format of the repository {@code <owner>/<name>}, the
   * job's {@link #context}, the repository again and the job's {@link #workflow}: GitHub's documented form
   * {@code repo:ORG/REPO:environment:ENV:job_workflow_ref:ORG/REPO/.github/workflows/FILE@refs/heads/main}
   * (https://docs.github.com/actions/reference/security/oidc, "Customizing the subject claims"), the context
   * of a job without an environment being {@code ref:<ref>}.
   */
  public static final String SUBJECT_FORMAT = "repo:%s:%s:job_workflow_ref:%s/%s";

  private CiIdentities() {}

  /** Which identity of a root a secret names. */
  public enum Use { PUSH, DEPLOY }

  /**
   * One GitHub secret and the root output that is its value.
   *
   * @param name the secret's name: an environment secret for {@link Use#DEPLOY}; for {@link Use#PUSH}
   *     the repository secret is {@link #pushSecret(String) <ROOT>_<name>}
   * @param output the root's output whose value the secret holds
   * @param what what the value is, for the README's table
   */
  public record Secret(Use use, String name, String output, String what) {
    /** The repository secret of {@code root} ({@code prod-eu}: {@code PROD_EU_AWS_ROLE_ARN}). */
    public String pushSecret(String root) {
      return root.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_" + name;
    }
  }

  /** The secrets of each root on {@code cloud}, push first; none on {@code any} (the job's own token pushes to ghcr.io). */
  public static List<Secret> of(Cloud cloud) {
    return switch (cloud) {
      case AWS -> List.of(
          new Secret(Use.PUSH, "AWS_ROLE_ARN", "push_role_arn", "the IAM role the image job pushes with"),
          new Secret(Use.DEPLOY, "AWS_ROLE_ARN", "deploy_role_arn", "the IAM role the deploy job deploys with"));
      case GCP -> List.of(
          new Secret(Use.PUSH, "GCP_WORKLOAD_IDENTITY_PROVIDER", "workload_identity_provider",
              "the workload identity provider trusting the repository's token"),
          new Secret(Use.PUSH, "GCP_SERVICE_ACCOUNT", "push_service_account",
              "the service account the image job pushes as"),
          new Secret(Use.DEPLOY, "GCP_WORKLOAD_IDENTITY_PROVIDER", "workload_identity_provider",
              "the workload identity provider trusting the repository's token"),
          new Secret(Use.DEPLOY, "GCP_DEPLOY_SERVICE_ACCOUNT", "deploy_service_account",
              "the service account the deploy job deploys as"),
          new Secret(Use.DEPLOY, "GCP_PROJECT", "project_id", "the environment's Google Cloud project"));
      case AZURE -> List.of(
          new Secret(Use.PUSH, "AZURE_CLIENT_ID", "push_client_id", "the managed identity the image job pushes as"),
          new Secret(Use.PUSH, "AZURE_TENANT_ID", "tenant_id", "the Microsoft Entra tenant"),
          new Secret(Use.PUSH, "AZURE_SUBSCRIPTION_ID", "subscription_id", "the root's subscription"),
          new Secret(Use.DEPLOY, "AZURE_CLIENT_ID", "deploy_client_id", "the managed identity the deploy job deploys as"),
          new Secret(Use.DEPLOY, "AZURE_TENANT_ID", "tenant_id", "the Microsoft Entra tenant"),
          new Secret(Use.DEPLOY, "AZURE_SUBSCRIPTION_ID", "subscription_id", "the root's subscription"));
      case ANY -> List.of();
    };
  }

  /** The secrets of one use on {@code cloud}. */
  public static List<Secret> of(Cloud cloud, Use use) {
    return of(cloud).stream().filter(s -> s.use() == use).toList();
  }

  /** The root outputs the secrets on {@code cloud} read, each once, in order. */
  public static List<String> outputs(Cloud cloud) {
    return of(cloud).stream().map(Secret::output).distinct().toList();
  }

  /**
   * The context claim of the token a job presents: the deploy jobs of {@code root} run in the GitHub
   * environment of that name; the image job on {@code main}.
   */
  public static String context(Use use, String root) {
    return use == Use.DEPLOY ? "environment:" + root : "ref:" + MAIN;
  }

  /** The workflow file whose jobs may be the identity, with the ref it runs from: its job_workflow_ref after {@code <owner>/<name>/}. */
  public static String workflow(Use use) {
    return (use == Use.DEPLOY ? Layout.DEPLOY_WORKFLOW : Layout.CI_WORKFLOW) + "@" + MAIN;
  }

  /** The whole subject of a job's token, for repository {@code <owner>/<name>}. */
  public static String subject(Use use, String root, String repository) {
    return String.format(java.util.Locale.ROOT, SUBJECT_FORMAT, repository, context(use, root), repository, workflow(use));
  }

  /** The body of GitHub's request that sets the repository's subject template to {@link #SUBJECT_CLAIMS}. */
  public static String subjectTemplate() {
    return "{\"use_default\": false, \"include_claim_keys\": [" + String.join(", ",
        SUBJECT_CLAIMS.stream().map(c -> "\"" + c + "\"").toList()) + "]}";
  }
}
