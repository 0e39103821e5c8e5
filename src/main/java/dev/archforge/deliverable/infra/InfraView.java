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

  /** One row of the README's endpoint table. */
  public record EndpointRow(String host, int port, String role, String technology, String createdBy) {}
}
