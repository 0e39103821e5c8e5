package dev.archforge.deliverable.infra;

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

  /** One row of the README's endpoint table. */
  public record EndpointRow(String host, int port, String role, String technology, String createdBy) {}
}
