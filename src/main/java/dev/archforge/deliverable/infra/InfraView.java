package dev.archforge.deliverable.infra;

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
 */
public record InfraView(EnvView prod, boolean written, List<String> modules, List<String> envs,
    List<EndpointRow> endpoints, List<String> notes) {
  public InfraView {
    modules = List.copyOf(modules);
    envs = List.copyOf(envs);
    endpoints = List.copyOf(endpoints);
    notes = List.copyOf(notes);
  }

  /** One row of the README's endpoint table. */
  public record EndpointRow(String host, int port, String role, String technology, String createdBy) {}
}
