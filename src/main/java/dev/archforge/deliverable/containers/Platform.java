package dev.archforge.deliverable.containers;

import dev.archforge.facts.Layout;
import dev.archforge.model.Cloud;

/**
 * The managed container platform of each cloud, the folder its descriptors go to and the
 * descriptors' kinds. Cloud {@code any} gets Cloud Run's service YAML: it is a Knative Service
 * (serving.knative.dev/v1), which Cloud Run and any Knative installation both run.
 */
enum Platform {
  CLOUD_RUN("cloudrun", "Google Cloud Run"),
  ECS("ecs", "Amazon ECS on AWS Fargate"),
  CONTAINER_APPS("containerapps", "Azure Container Apps");

  private final String folder;
  private final String title;

  Platform(String folder, String title) {
    this.folder = folder;
    this.title = title;
  }

  /** The platform whose folder {@link Layout#managedContainers} gives the cloud's descriptors. */
  static Platform of(Cloud cloud) {
    String dir = Layout.managedContainers(cloud);
    for (Platform p : values()) {
      if (p.dir().equals(dir)) {
        return p;
      }
    }
    throw new IllegalStateException("no managed container platform writes to " + dir);
  }

  String folder() {
    return folder;
  }

  String title() {
    return title;
  }

  /** {@code deploy/<folder>/} */
  String dir() {
    return "deploy/" + folder + "/";
  }
}
