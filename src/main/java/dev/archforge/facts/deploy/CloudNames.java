package dev.archforge.facts.deploy;

import dev.archforge.facts.Naming;

/**
 * The names of cloud resources that both a managed-container descriptor (deploy/) and infra/ write,
 * decided here once: the descriptor names what the infrastructure creates. The production root a
 * descriptor deploys into is {@code prod}, or a cell's {@code prod-<jurisdiction>} under
 * {@code dataResidency}; each of dev, staging and prod is its own Google Cloud project, so Google
 * names carry no environment.
 */
public final class CloudNames {
  private CloudNames() {}

  /** The Azure client id a Kubernetes ServiceAccount names until the deploy puts in the identity's. */
  public static final String AZURE_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

  /**
   * The identity the secret store of the Kubernetes overlays reads secrets as: its ServiceAccount's
   * name, and on azure the managed identity infra/ federates with it.
   */
  public static String secretStoreAccount(String project) {
    return project + "-secret-store";
  }

  /** A deployable's Lambda function under deployment serverless on aws (deploy/sam): {@code <project>-<deployable>}. */
  public static String lambdaFunction(String project, String deployable) {
    return lambdaFunction(project, deployable, productionRoot(""));
  }

  /**
   * A deployable's Lambda function in the SAM stack of a root: {@code <namespace>-<deployable>}
   * ({@link #awsNamespace}), as function names are unique in the account and region; the template names
   * production's and the deploy job puts the root's in.
   */
  public static String lambdaFunction(String project, String deployable, String root) {
    return awsNamespace(project, root) + "-" + deployable;
  }

  /** The SAM template's logical id of a deployable's function ({@code order-api}: {@code OrderApiFunction}). */
  public static String lambdaLogicalId(String deployable) {
    return Naming.pascal(deployable.replaceAll("[^A-Za-z0-9]+", "-")) + "Function";
  }

  /**
   * What begins the name CloudFormation gives the role SAM creates for a deployable's function in stack
   * {@code stack}: SAM names the role {@code <function's logical id>Role}
   * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html)
   * and CloudFormation, given no RoleName, names it {@code <stack>-<logical id>-<12 random characters>}
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html). An IAM
   * role's name holds 64 characters; past that CloudFormation keeps 51 for the stack, a hyphen and the logical
   * id, cutting each to 25, which AWS does not document (observed: a 26-character stack's role
   * {@code ChineseboostAnalyticsStac-RainlyticsSummariesJobFun-UjecjFhpdr1d},
   * https://github.com/KensioSoftware/yulin/issues/1113). So a name that fits is matched whole up to its random
   * tail; a cut one by what both ways of cutting keep (the stack and 25 of the logical id when the stack is
   * short, else 25 of the stack and, when the logical id is cut too, 25 of it).
   */
  public static String lambdaRolePrefix(String stack, String deployable) {
    String logicalId = lambdaLogicalId(deployable) + "Role";
    if (stack.length() + 1 + logicalId.length() <= CLOUDFORMATION_NAME_KEPT) {
      return stack + "-" + logicalId + "-";
    }
    if (stack.length() <= CLOUDFORMATION_PART) {
      return stack + "-" + logicalId.substring(0, CLOUDFORMATION_PART);
    }
    String cutStack = stack.substring(0, CLOUDFORMATION_PART);
    return logicalId.length() >= CLOUDFORMATION_PART ? cutStack + "-" + logicalId.substring(0, CLOUDFORMATION_PART) : cutStack;
  }

  /** What CloudFormation keeps of an IAM role's 64 characters for {@code <stack>-<logical id>}: 13 go to {@code -<random>}. */
  static final int CLOUDFORMATION_NAME_KEPT = 51;

  /** The characters of the stack's name, and of the logical id, that CloudFormation keeps when it cuts a name. */
  static final int CLOUDFORMATION_PART = 25;

  /**
   * What ends the name of every IAM role, load balancer, target group and ECS cluster a root of infra/
   * creates on AWS: nothing in {@code prod}, whose resources keep the names they had, else a hyphen and
   * the root ({@code -dev}, {@code -prod-eu}). IAM names are unique in the AWS account, the others in the
   * account and region, which the roots may share.
   */
  public static String roleSuffix(String root) {
    return root.equals(productionRoot("")) ? "" : "-" + root;
  }

  /**
   * What ends a root's AWS names that are unique in the account and region alone and that data or
   * people rely on (Secrets Manager entries, ECR repositories, log groups, auto scaling groups and
   * launch templates, SNS topics and SQS queues): nothing in a production root ({@code prod},
   * {@code prod-<jurisdiction>}, the second region's), each in a region of its own, whose names stay
   * as they were (renaming a secret entry or a repository loses what it holds), else a hyphen and the
   * root ({@code -dev}, {@code -staging}), as dev and staging share production's region.
   */
  public static String regionalSuffix(String root) {
    return root.equals(productionRoot("")) || root.startsWith(productionRoot("") + "-") ? "" : "-" + root;
  }

  /**
   * The first part of a root's regional AWS names: {@code <project>} and its {@link #regionalSuffix}
   * ({@code shop}, {@code shop-dev}). Its Secrets Manager entries and ECR repositories are
   * {@code <namespace>/<deployable>}, its log groups {@code /ecs/<namespace>/<deployable>} and
   * {@code /vm/<namespace>/<deployable>}, its auto scaling groups and launch templates
   * {@code <namespace>-<deployable>}.
   */
  public static String awsNamespace(String project, String root) {
    return project + regionalSuffix(root);
  }

  /** The IAM role {@code <project>-<role>} of a root of infra/, with the root's {@link #roleSuffix}. */
  public static String awsRole(String project, String role, String root) {
    return project + "-" + role + roleSuffix(root);
  }

  /**
   * An AWS load balancer or target group of a root: {@code base} and the root's {@link #roleSuffix},
   * the base cut (not ending in a hyphen) so that the whole keeps to the 32 letters, digits and hyphens
   * Elastic Load Balancing takes; the suffix is never cut, so two roots never share one.
   */
  public static String loadBalancing(String base, String root) {
    String suffix = roleSuffix(root);
    return cut(base, LOAD_BALANCING_MOST - suffix.length()) + suffix;
  }

  /** The most characters of a load balancer's or target group's name. */
  public static final int LOAD_BALANCING_MOST = 32;

  /**
   * The ECS cluster of a root (and its Service Connect namespace): {@code <project>} and the root's
   * {@link #roleSuffix}, as a cluster's name is unique in the AWS account and region, which the roots
   * may share. Production's is the {@code <project>} the descriptors of deploy/ecs name.
   */
  public static String ecsCluster(String project, String root) {
    return project + roleSuffix(root);
  }

  /**
   * What begins the S3 bucket a root's SAM deploy uploads its template to (deployment serverless on aws):
   * {@code <project>-<root>-sam-artifacts}, the project cut so that the whole and the hyphen and 12-digit
   * account id that end the bucket's name ({@link #samArtifactsBucket}) keep to S3's 63 characters. A bucket's
   * name is unique across all of AWS: the account id keeps another account from holding it first, and the
   * root, never cut, keeps two roots of one account apart.
   */
  public static String samArtifactsPrefix(String project, String root) {
    String tail = "-" + root + "-sam-artifacts";
    return cut(project, BUCKET_MOST - ACCOUNT_ID_LENGTH - 1 - tail.length()) + tail;
  }

  /** The whole name of a root's SAM artifacts bucket in account {@code account}: {@link #samArtifactsPrefix}{@code -<account>}. */
  public static String samArtifactsBucket(String project, String root, String account) {
    return samArtifactsPrefix(project, root) + "-" + account;
  }

  /** The alias of a root's KMS key on AWS, {@code alias/<project>-<root>} (infra/modules/kms, named after the root). */
  public static String awsKeyAlias(String project, String root) {
    return "alias/" + project + "-" + root;
  }

  /** The most characters of an S3 bucket's name. */
  public static final int BUCKET_MOST = 63;

  /** The digits of an AWS account id. */
  public static final int ACCOUNT_ID_LENGTH = 12;

  /** The root of infra/ a cell's descriptors (or, for an empty cell, the others) deploy into. */
  public static String productionRoot(String cell) {
    return cell.isEmpty() ? "prod" : "prod-" + cell;
  }

  /**
   * A deployable's Google service account id: {@code <project>-<deployable>}, cut to the 30
   * characters an account id takes, not ending in a hyphen.
   */
  public static String serviceAccountId(String project, String deployable) {
    return cut(project + "-" + deployable, 30);
  }

  /** The root variable that ends a Google workload identity pool's id: 1 to 3 lowercase letters or digits. */
  public static final String POOL_SUFFIX_VARIABLE = "ci_pool_suffix";

  /**
   * A root's Google workload identity pool for GitHub's tokens, before the hyphen and
   * {@link #POOL_SUFFIX_VARIABLE}: {@code <project>-<root>}, cut to 28 characters, so that the id stays
   * within the 4 to 32 lowercase letters, digits and hyphens a pool id takes. Two roots in one project
   * do not share it, and a destroyed pool's id, soft-deleted for 30 days, is not reused: the next apply
   * takes another suffix.
   */
  public static String workloadIdentityPool(String project, String root) {
    return cut(project + "-" + root, 28);
  }

  /** The Serverless VPC Access connector Cloud Run reaches the private addresses through: 25 characters at most. */
  public static String vpcConnector(String project) {
    return cut(project, 25);
  }

  /** The Azure resource group of a root of infra/: {@code <project>-<root>}. */
  public static String resourceGroup(String project, String root) {
    return project + "-" + root;
  }

  /** The Key Vault of a root: its resource group's name without double hyphens, 24 characters at most. */
  public static String keyVault(String project, String root) {
    return keyVaultOf(resourceGroup(project, root));
  }

  /** The Key Vault of the root whose resource group is {@code group}. */
  public static String keyVaultOf(String group) {
    return cut(group.replace("--", "-"), 24);
  }

  /** The Container Apps environment, in the root's resource group: named after the project. */
  public static String containerAppsEnvironment(String project) {
    return project;
  }

  /** The Kubernetes cluster of a root of infra/: {@code <project>-<root>}, which the deploy job gets credentials of. */
  public static String cluster(String project, String root) {
    return project + "-" + root;
  }

  /**
   * The AWS CodeBuild project that hosts the runners of a root's Kubernetes deploy job in the
   * cluster's VPC ({@code <project>-<root>-deploy}): infra/ creates it, and the job's {@code runs-on}
   * names it ({@link #deployRunnerLabel}).
   */
  public static String deployRunner(String project, String root) {
    return cluster(project, root) + "-deploy";
  }

  /** The {@code runs-on} label that sends a job to a runner of CodeBuild project {@code runner}, one per run attempt. */
  public static String deployRunnerLabel(String runner) {
    return "codebuild-" + runner + "-${{ github.run_id }}-${{ github.run_attempt }}";
  }

  private static String cut(String name, int most) {
    String cut = name.length() > most ? name.substring(0, most) : name;
    while (cut.endsWith("-")) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut;
  }
}
