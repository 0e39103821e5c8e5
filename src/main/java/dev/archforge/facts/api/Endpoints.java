package dev.archforge.facts.api;

import dev.archforge.model.Service;
import java.net.URI;

/** Where a service's HTTP API lives under the blueprint's API base URL: its contracts' servers and the gateway's routes. */
public final class Endpoints {
  private Endpoints() {}

  /** {@code https://api.example.com/orders}: the service's base URL, before any version. */
  public static String url(String apiBaseUrl, Service service) {
    return apiBaseUrl.replaceAll("/+$", "") + "/" + service.name();
  }

  /** {@code /orders}: the path prefix the gateway routes to the service. */
  public static String pathPrefix(String apiBaseUrl, Service service) {
    String path = URI.create(apiBaseUrl).getPath();
    return (path == null ? "" : path.replaceAll("/+$", "")) + "/" + service.name();
  }
}
