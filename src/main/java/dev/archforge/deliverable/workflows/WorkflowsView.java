package dev.archforge.deliverable.workflows;

import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CloudNames;
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
 * @param pushed the Cloud Run services Pub/Sub pushes to, separated by spaces: each one's own identity
 *     signs the pushes and is granted {@code roles/run.invoker} on it after it is deployed
 */
public record WorkflowsView(String project, String agent, List<Build> builds, Database database, boolean contracts,
    List<Stage> stages, Actions actions, String placeholderImages, boolean images, String pushed) {

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
   * @param region the region the platform runs the services in, empty on Kubernetes
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
