package dev.archforge.deliverable.containers;

import java.util.List;

/**
 * What the platform folder's README shows: the platform, its files and the values to replace.
 *
 * @param deployment the deployment option that runs there: {@code managed-containers} or {@code serverless}
 * @param telemetry where the deployables' telemetry goes on the platform (the telemetry fact); empty when scraped
 */
public record PlatformView(String title, String folder, String cloud, String secretsChoice, String region,
    List<ContainerView> services, String deployment, String telemetry) {
  public PlatformView {
    services = List.copyOf(services);
  }

  public PlatformView(String title, String folder, String cloud, String secretsChoice, String region,
      List<ContainerView> services, String deployment) {
    this(title, folder, cloud, secretsChoice, region, services, deployment, "");
  }
}
