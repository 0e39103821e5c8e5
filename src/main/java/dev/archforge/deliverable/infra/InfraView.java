package dev.archforge.deliverable.infra;

import dev.archforge.facts.Layout;
import dev.archforge.facts.deploy.CiIdentities;
import dev.archforge.facts.deploy.ClusterAccess;
import dev.archforge.model.Cloud;
import java.util.List;

/**
 * What {@code infra/README.md} and the shared modules render: the production root (the modules are
 * the same for every environment; only the roots differ in size), the modules written, the other
 * roots, and what the files could not express.
 *
 * @param written whether any OpenTofu is written (not for {@code project.cloud: any})
 * @param modules the shared modules under {@code infra/modules/}, in the order the roots use them
 * @param endpoints every endpoint the manifests name with what creates it
 * @param notes the run's warnings about infra/, in sentences
 * @param cells under {@code dataResidency}, the production root of each cell ({@code envs/prod-<cell>}), else empty
 */
public record InfraView(EnvView prod, boolean written, List<String> modules, List<String> envs,
    List<EndpointRow> endpoints, List<String> notes, List<EnvView> cells) {
  public InfraView {
    modules = List.copyOf(modules);
    envs = List.copyOf(envs);
    endpoints = List.copyOf(endpoints);
    notes = List.copyOf(notes);
    cells = List.copyOf(cells);
  }

  /**
   * Each GitHub secret the workflows read to know which identity of a root they log in as, and the
   * root output that is its value (facts/deploy/CiIdentities); empty when nothing is written.
   */
  public List<CiSecretRow> ciSecrets() {
    if (!written) {
      return List.of();
    }
    List<CiSecretRow> rows = new java.util.ArrayList<>();
    for (String root : envs) {
      for (CiIdentities.Secret s : CiIdentities.of(Cloud.valueOf(prod.cloud().toUpperCase(java.util.Locale.ROOT)))) {
        boolean push = s.use() == CiIdentities.Use.PUSH;
        rows.add(new CiSecretRow(push ? s.pushSecret(root) : s.name(), push ? "repository" : "environment " + root,
            "tofu -chdir=infra/envs/" + root + " output -raw " + s.output(), s.what()));
      }
    }
    return rows;
  }

  /** What stands for the deploy identity's object id in deploy/k8s/access/ on AKS (facts/deploy/DeployAccess). */
  public String accessPlaceholder() {
    return dev.archforge.facts.deploy.DeployAccess.PRINCIPAL_PLACEHOLDER;
  }

  /** The body of GitHub's request that puts the workflow file in the repository's token subjects (facts/deploy/CiIdentities). */
  public String ciSubjectTemplate() {
    return CiIdentities.subjectTemplate();
  }

  /**
   * How the deploy jobs reach the cluster infra/ creates, in a sentence (facts/deploy/ClusterAccess);
   * empty when no cluster is written.
   */
  public String clusterAccess() {
    return written && prod.cluster() != null
        ? ClusterAccess.of(Cloud.valueOf(prod.cloud().toUpperCase(java.util.Locale.ROOT))).sentence() : "";
  }

  /**
   * One row of the README's table of CI secrets.
   *
   * @param secret the secret's name
   * @param scope {@code repository}, or {@code environment <root>} for a deploy job's
   * @param value the command that prints its value
   */
  public record CiSecretRow(String secret, String scope, String value, String what) {}

  /** What reads the endpoints and the secret entries: the runtime's descriptors, with their folder. */
  public String descriptors() {
    Cloud cloud = Cloud.valueOf(prod.cloud().toUpperCase(java.util.Locale.ROOT));
    if (prod.managedContainers()) {
      return "The managed-container descriptors (`" + folder(Layout.managedContainers(cloud)) + "`)";
    }
    return switch (prod.runtime()) {
      case "kubernetes" -> "The Kubernetes manifests (`" + folder(Layout.K8S) + "`)";
      case "vm" -> "The virtual machines' user data (`" + folder(Layout.VM) + "`)";
      case "serverless" -> "The functions of the SAM template (`" + folder(Layout.SAM) + "`)";
      default -> "The deployables";
    };
  }

  /** Who reads the secret entries, and how many each deployable has ({@link EnvView#secrets}). */
  public String secretsReader() {
    if (prod.managedContainers() && !prod.cloud().equals("aws")) {
      return "one per secret variable of each deployable, read whole by the runtime";
    }
    String reader = switch (prod.runtime()) {
      case "kubernetes" -> "the External Secrets Operator";
      case "vm" -> "the user data's secrets script";
      default -> prod.managedContainers() ? "the ECS task definitions" : "the functions";
    };
    return "one per deployable (a JSON key per variable), read by " + reader;
  }

  private static String folder(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** One row of the README's endpoint table. */
  public record EndpointRow(String host, int port, String role, String technology, String createdBy) {}
}
