package dev.archforge.facts.deploy;

import dev.archforge.model.Cloud;

/**
 * How a deploy job reaches the Kubernetes cluster of its root of infra/, decided here once per
 * cloud: each cluster infra/ creates has a private API endpoint, so a job on a GitHub-hosted runner
 * could not connect to it. infra/ creates the way in, the deploy workflow takes it, infra/README.md
 * and the workflow's header say it with {@link #sentence()}, and the coherence rule
 * {@code deploy-reaches-cluster} checks that each job takes its root's way.
 */
public enum ClusterAccess {
  /**
   * AWS: EKS has no remote command, so the job runs inside the cluster's VPC, on a GitHub Actions
   * runner of the CodeBuild project its root creates ({@link CloudNames#deployRunner}).
   */
  RUNNER_IN_VPC("the EKS API endpoint is private and EKS runs no command remotely, so each environment's"
      + " deploy job runs on a GitHub Actions runner in the cluster's VPC: a build of the AWS CodeBuild project"
      + " `<project>-<environment>-deploy` that infra/ creates for it (modules/deploy-runner), which the"
      + " cluster's security group admits on 443 alone"),
  /** Google Cloud: the control plane's DNS-based endpoint, authorised by IAM; the IP endpoints stay private. */
  DNS_ENDPOINT("the GKE control plane's IP endpoints are private; each deploy job reaches it by its DNS-based"
      + " endpoint (gcloud container clusters get-credentials --dns-endpoint), which Google lets through only"
      + " identities IAM allows container.clusters.connect, such as the environment's deploy account"),
  /** Azure: kubectl runs inside the cluster through Azure Resource Manager (AKS run command). */
  RUN_COMMAND("the AKS API server is private; each deploy job runs kubectl inside the cluster through Azure"
      + " Resource Manager (az aks command invoke, the rendered manifests attached), as the environment's deploy"
      + " identity, which may run commands on that cluster alone; run command's pod (200m CPU and 500 MiB"
      + " requested) must be scheduled within 60 seconds and its output is cut at 512 kB"
      + " (https://learn.microsoft.com/azure/aks/access-private-cluster), so the job prints the objects' names and"
      + " a failed rollout's last lines alone, and waits for the rollouts side by side, each within "
      + ClusterAccess.ROLLOUT_MINUTES + " minutes"),
  /** No cloud: the team's own cluster, by the environment's stored kubeconfig. */
  KUBECONFIG("no cloud is chosen: each deploy job reaches the team's own cluster with its environment's"
      + " KUBE_CONFIG");

  /** How long a deploy job waits for one deployable's rollout (kubectl rollout status --timeout), in minutes. */
  public static final int ROLLOUT_MINUTES = 10;

  private final String sentence;

  ClusterAccess(String sentence) {
    this.sentence = sentence;
  }

  /** The way a deploy job reaches the clusters of {@code cloud}. */
  public static ClusterAccess of(Cloud cloud) {
    return switch (cloud) {
      case AWS -> RUNNER_IN_VPC;
      case GCP -> DNS_ENDPOINT;
      case AZURE -> RUN_COMMAND;
      case ANY -> KUBECONFIG;
    };
  }

  /** What it is, in a sentence without its full stop, for the README and the workflow's header. */
  public String sentence() {
    return sentence;
  }
}
