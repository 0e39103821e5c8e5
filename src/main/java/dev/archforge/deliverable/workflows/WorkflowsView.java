package dev.archforge.deliverable.workflows;

import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CiIdentities;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.ClusterAccess;
import dev.archforge.facts.deploy.ConsumerTrigger;
import dev.archforge.model.Cloud;
import java.util.List;

/**
 * What the GitHub Actions workflows state, for their templates. Shell scripts in the templates
 * are fixed text; every value of the plan reaches them through {@code env:} or the build matrix.
 *
 * @param agent the agent folder of the workspace, from the repository root
 * @param builds one per deployable
 * @param database the throwaway database the migrations are applied to; null without SQL migrations
 * @param contracts whether the workspace has API contracts (the breaking-change gate runs)
 * @param stages the environments deployed to, in order; empty when the plan's runtime has no deploy job
 * @param actions the actions used, each pinned by commit
 * @param placeholderImages {@code name=image} of each deployable, separated by spaces: the image its
 *     manifests name until the deploy replaces it with the one built from the commit
 * @param images whether the deployables run as container images (built, signed and pushed on main)
 * @param registries the registry of each root of infra/, which the image job pushes every image to
 * @param login how the image job logs in to the cloud's registries: {@code ecr}, {@code artifact-registry},
 *     {@code acr} (each with the workflow's OpenID Connect token) or {@code ghcr} (the job's token)
 * @param placeholder what the registries' names hold for the account or project the identity logs in
 *     to (facts/deploy/Registries), empty when nothing stands in
 * @param version the tag the files name, which the deploy replaces with the commit's
 * @param production the registry prefix production's files name (dev and staging deploy them too, on
 *     every runtime but Kubernetes, whose overlays name their own root's)
 */
public record WorkflowsView(String project, String agent, List<Build> builds, Database database, boolean contracts,
    List<Stage> stages, Actions actions, String placeholderImages, boolean images, List<Registry> registries,
    String login, String placeholder, String version, String production) {
  /** The GitHub-hosted runner every job runs on unless it must be inside a network. */
  public static final String HOSTED_RUNNER = "ubuntu-latest";

  public WorkflowsView {
    builds = List.copyOf(builds);
    stages = List.copyOf(stages);
    registries = List.copyOf(registries);
  }

  /** What Cloud Run descriptors name in place of the project's number, which the deploy job puts in. */
  public String projectNumber() {
    return ConsumerTrigger.PROJECT_NUMBER;
  }

  /** The deployables' names, separated by spaces. */
  public String deployables() {
    return String.join(" ", builds.stream().map(Build::name).toList());
  }

  /** {@code root=prefix} of every registry, separated by spaces: where the image job pushes. */
  public String pushes() {
    return String.join(" ", registries.stream().map(r -> r.root() + "=" + r.prefix()).toList());
  }

  /**
   * The secrets naming the identity the image job pushes to each root's registry with, {@code <ROOT>_<KEY>}
   * ({@code prod-eu}: {@code PROD_EU_AWS_ROLE_ARN}): no key, only what the identity is; it trusts the
   * repository's OpenID Connect token on main (facts/deploy/CiIdentities, infra/modules/ci-identity).
   */
  public List<String> identitySecrets() {
    List<String> secrets = new java.util.ArrayList<>();
    for (Registry r : registries) {
      CiIdentities.of(cloud(), CiIdentities.Use.PUSH).forEach(s -> secrets.add(s.pushSecret(r.root())));
    }
    return secrets;
  }

  /**
   * The environment secrets naming the identity a deploy job logs in as, by the cloud its target runs
   * on (Kubernetes: the plan's; none on cloud {@code any}, whose cluster is the team's): no key, only
   * what the identity is; it trusts the OpenID Connect token of that environment's jobs alone
   * (facts/deploy/CiIdentities).
   */
  public List<String> deploySecrets(Stage stage) {
    Cloud cloud = switch (stage.target()) {
      case "sam", "ecs", "asg" -> Cloud.AWS;
      case "cloudrun", "mig" -> Cloud.GCP;
      case "containerapps", "vmss" -> Cloud.AZURE;
      default -> cloud();
    };
    return CiIdentities.of(cloud, CiIdentities.Use.DEPLOY).stream().map(CiIdentities.Secret::name).toList();
  }

  /** The secrets the deploy jobs name their identity by (every job's are its first's); empty without a job or a cloud. */
  public List<String> loginSecrets() {
    return stages.isEmpty() ? List.of() : deploySecrets(stages.get(0));
  }

  /**
   * What begins the names of a stage's root's secret entries, log groups, Lambda functions, auto scaling
   * groups and launch templates on AWS (facts/deploy/CloudNames): the project, and in dev and staging
   * the root's name; the files it deploys name production's, the project.
   */
  public String namespace(Stage stage) {
    return CloudNames.awsNamespace(project, stage.name());
  }

  /** What ends the names of the IAM roles of a stage's root (facts/deploy/CloudNames): empty in prod. */
  public String roleSuffix(Stage stage) {
    return CloudNames.roleSuffix(stage.name());
  }

  /**
   * What begins the name of the bucket a SAM stage's root creates for its template, which the job ends with
   * a hyphen and the account id it logs in to (facts/deploy/CloudNames; infra/modules/sam-artifacts).
   */
  public String samArtifacts(Stage stage) {
    return CloudNames.samArtifactsPrefix(project, stage.name());
  }

  /** The alias of the key of a SAM stage's root, which encrypts what the job uploads (facts/deploy/CloudNames). */
  public String keyAlias(Stage stage) {
    return CloudNames.awsKeyAlias(project, stage.name());
  }

  /**
   * The region the descriptors a stage applies name in their callees' Cloud Run URLs: that of the first
   * stage applying the same folder (the second region's job reuses production's, written for its region).
   */
  public String describedRegion(Stage stage) {
    return stages.stream().filter(s -> s.descriptors().equals(stage.descriptors())).findFirst().orElse(stage)
        .region();
  }

  /** The deploy workflow's name, which the AWS CodeBuild runners' webhook admits alone (facts/Layout). */
  public String deployWorkflowName() {
    return Layout.DEPLOY_WORKFLOW_NAME;
  }

  /** The Kubernetes cluster a stage deploys to: the one its root of infra/ creates. */
  public String cluster(Stage stage) {
    return CloudNames.cluster(project, stage.name());
  }

  /**
   * Where a stage's job runs: an AWS Kubernetes deploy on a runner of the CodeBuild project its root
   * creates in the cluster's VPC (the EKS endpoint is private and EKS has no remote command); every
   * other job on a GitHub-hosted runner, reaching its cluster by the GKE DNS-based endpoint or AKS run
   * command (facts/deploy/CloudNames).
   */
  public String runsOn(Stage stage) {
    return stage.target().equals("kubernetes") && login.equals("ecr")
        ? CloudNames.deployRunnerLabel(CloudNames.deployRunner(project, stage.name())) : HOSTED_RUNNER;
  }

  /**
   * How the Kubernetes deploy jobs reach the clusters infra/ creates, in a sentence; empty without one
   * (facts/deploy/ClusterAccess).
   */
  public String clusterAccess() {
    // on cloud any no cluster is infra/'s: the header's KUBE_CONFIG line says what to keep
    boolean kubernetes = stages.stream().anyMatch(s -> s.target().equals("kubernetes"));
    return kubernetes && cloud() != Cloud.ANY ? ClusterAccess.of(cloud()).sentence() : "";
  }

  /** How long a deploy job waits for one rollout, as kubectl's --timeout takes it (facts/deploy/ClusterAccess). */
  public String rolloutTimeout() {
    return ClusterAccess.ROLLOUT_MINUTES + "m";
  }

  /** {@link #clusterAccess()} with its full stop, in lines of at most 100 characters for the workflow's header. */
  public List<String> clusterAccessLines() {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : (clusterAccess() + ".").split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > 100) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return clusterAccess().isEmpty() ? List.of() : lines;
  }

  /** The identity the overlays' secret store reads as (on azure, the managed identity infra/ federates with it). */
  public String secretStoreAccount() {
    return CloudNames.secretStoreAccount(project);
  }

  /** The client id the overlays' secret store ServiceAccount names until the deploy puts in its identity's. */
  public String clientIdPlaceholder() {
    return CloudNames.AZURE_CLIENT_ID;
  }

  /** The Azure resource group of a stage's root. */
  public String resourceGroup(Stage stage) {
    return CloudNames.resourceGroup(project, stage.name());
  }

  private Cloud cloud() {
    return switch (login) {
      case "ecr" -> Cloud.AWS;
      case "artifact-registry" -> Cloud.GCP;
      case "acr" -> Cloud.AZURE;
      default -> Cloud.ANY;
    };
  }

  /** The registry the deploy of {@code stage} pulls from: its root's. */
  public Registry registry(String stage) {
    return registries.stream().filter(r -> r.root().equals(stage)).findFirst().orElse(registries.get(0));
  }

  /** The registry prefix the files a stage deploys name, which the deploy replaces with its root's. */
  public String named(Stage stage) {
    return stage.target().equals("kubernetes") || stage.name().startsWith("prod") ? registry(stage.name()).prefix()
        : production;
  }

  /**
   * The registry of one root of infra/.
   *
   * @param root {@code dev}, {@code staging}, {@code prod} or {@code prod-<jurisdiction>}; {@code all}
   *     when every root shares the team's registry (cloud {@code any})
   * @param prefix {@code <host>/<path>}: each deployable's repository is this, a slash and its name
   */
  public record Registry(String root, String prefix) {}

  /**
   * One deployable: its source folder (the Docker build context), Dockerfile, image and test command.
   *
   * @param python whether the test job needs a Python interpreter set up
   */
  public record Build(String name, String language, String source, String dockerfile, String test, boolean python) {}

  /**
   * The database service container of the migrations job and how archforge reaches it.
   *
   * @param postgres PostgreSQL, else MySQL
   */
  public record Database(String image, String ports, String jdbcUrl, String user, String options, boolean postgres) {}

  /**
   * An environment of the deploy workflow.
   *
   * @param needs the job it waits for, or empty for the first
   * @param overlay the Kustomize overlay applied, or the AWS SAM template deployed
   * @param namespace the namespace the overlay deploys to, the SAM template's stack, the ECS cluster, the
   *     project whose instance groups a vm job rolls, or the Azure resource group
   * @param target what the job deploys to: {@code kubernetes} (the overlay), {@code sam} (the template),
   *     or the managed container platform whose descriptors it rolls out: {@code ecs}, {@code cloudrun},
   *     {@code containerapps}; or the instance groups of virtual machines: {@code asg} (AWS), {@code mig}
   *     (Google), {@code vmss} (Azure); a new runtime adds its value and one step in the deploy template
   * @param descriptors the folder of the platform's descriptors ({@code deploy/ecs}), empty on Kubernetes
   * @param region the region the platform (or the root's cluster) runs the services in
   */
  public record Stage(String name, String needs, String overlay, String namespace, String target, String descriptors,
      String region) {
    /**
     * The Key Vault of the root a Container Apps job deploys into (its resource group's,
     * {@code CloudNames}), which the job puts in place of the one the descriptors name; else empty.
     */
    public String keyVault() {
      return target.equals("containerapps") ? CloudNames.keyVaultOf(namespace) : "";
    }
  }

  /** {@code owner/repo@sha # version} of every action used. */
  public record Actions(String checkout, String setupPython) {}
}
