package dev.archforge.facts.deploy;

import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;

/**
 * Where each deployable's image is kept, decided here once: the container registry that a root of
 * infra/ creates, which the delivery pipeline pushes to and every manifest, descriptor, SAM
 * template and user data pulls from. Amazon ECR {@code <account>.dkr.ecr.<region>.amazonaws.com/<namespace>/<name>}
 * (the root's {@link CloudNames#awsNamespace}: repository names are unique in the account and region, which
 * dev, staging and production may share),
 * Artifact Registry {@code <region>-docker.pkg.dev/<gcp project>/<project>/<name>}, Azure Container
 * Registry {@code <registry>.azurecr.io/<project>/<name>}; on cloud {@code any} the team's GitHub
 * Container Registry {@code ghcr.io/<owner>/<project>/<name>}. What only exists at deploy time (the
 * AWS account, the Google Cloud project, the GitHub owner) is the placeholder the descriptors already
 * name and the deploy replaces; the registry of an Azure root is named after the root, so dev,
 * staging and production (and each cell) pull from their own, as they do on AWS.
 */
public final class Registries {
  /** The tag the files name until the deploy replaces it with the commit's. */
  public static final String TAG = "0.1.0";
  /** The AWS account a descriptor names until the deploy replaces it with the account it logs in to. */
  public static final String AWS_ACCOUNT = "111122223333";
  /** The Google Cloud project a descriptor names until the deploy replaces it with the environment's. */
  public static final String GCP_PROJECT = "PROJECT_ID";
  /** The GitHub owner (user or organisation, lowercase) whose container registry cloud {@code any} uses. */
  public static final String GITHUB_OWNER = "OWNER";
  /** The region a file names when the plan has no region table. */
  static final String NO_REGION = "REGION";

  private Registries() {}

  /**
   * One registry: its host and the path of the project's repositories on it.
   *
   * @param root the root of infra/ that creates it ({@code dev}, {@code staging}, {@code prod},
   *     {@code prod-<jurisdiction>})
   */
  public record Registry(String root, String host, String path) {
    /** {@code <host>/<path>}: a deployable's repository is this, a slash and its name. */
    public String prefix() {
      return host + "/" + path;
    }

    /** The repository of a deployable's image. */
    public String repository(String deployable) {
      return prefix() + "/" + deployable;
    }

    /** The image reference a file names: the repository at {@link #TAG}. */
    public String image(String deployable) {
      return repository(deployable) + ":" + TAG;
    }
  }

  /** The registry of a root of infra/ in {@code region}. */
  public static Registry of(Cloud cloud, String project, String root, String region) {
    return switch (cloud) {
      case AWS -> new Registry(root, AWS_ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com",
          CloudNames.awsNamespace(project, root));
      case GCP -> new Registry(root, region + "-docker.pkg.dev", GCP_PROJECT + "/" + project);
      case AZURE -> new Registry(root, containerRegistry(project, root) + ".azurecr.io", project);
      case ANY -> new Registry(root, "ghcr.io", GITHUB_OWNER + "/" + project);
    };
  }

  /** The registry of {@code root}, in the plan's primary region. */
  public static Registry of(Plan plan, String root) {
    return of(plan.requirements().project().cloud(), plan.requirements().project().name(), root,
        plan.cells().primaryRegion().orElse(NO_REGION));
  }

  /** The registry a cell's production root creates, in the cell's primary region. */
  public static Registry of(Plan plan, Cell cell) {
    return of(plan.requirements().project().cloud(), plan.requirements().project().name(),
        CloudNames.productionRoot(cell.jurisdiction()), cell.primary().orElse(NO_REGION));
  }

  /**
   * The registry production pulls from: prod's, or under {@code dataResidency} the first cell's
   * (dev and staging deploy its descriptors).
   */
  public static Registry production(Plan plan) {
    return plan.cells().residency() ? of(plan, plan.cells().cells().get(0)) : of(plan, CloudNames.productionRoot(""));
  }

  /**
   * The image the Kubernetes base names: production's, or under {@code dataResidency}, where each
   * cell's overlay names its own registry, the registry-less {@code <project>/<name>} those replace.
   */
  public static String kubernetesBase(Plan plan, String deployable) {
    return plan.cells().residency() ? plan.requirements().project().name() + "/" + deployable + ":" + TAG
        : production(plan).image(deployable);
  }

  /**
   * The Azure Container Registry of a root: its project and root without hyphens, lowercase, 50
   * characters at most (a registry name is 5 to 50 letters and digits, unique in Azure).
   */
  public static String containerRegistry(String project, String root) {
    String name = (project + root).replace("-", "").toLowerCase(java.util.Locale.ROOT);
    return name.length() > 50 ? name.substring(0, 50) : name;
  }
}
