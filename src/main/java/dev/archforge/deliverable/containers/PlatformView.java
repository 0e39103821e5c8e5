package dev.archforge.deliverable.containers;

import java.util.List;

/** What the platform folder's README shows: the platform, its files and the values to replace. */
public record PlatformView(String title, String folder, String cloud, String secretsChoice, String region,
    List<ContainerView> services) {
  public PlatformView {
    services = List.copyOf(services);
  }
}
