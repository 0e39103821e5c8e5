package dev.archforge.facts.deploy;

import dev.archforge.model.Language;
import java.util.List;

/**
 * The command inside a deployable's image that fails unless the service is ready: the image's
 * HEALTHCHECK and any runtime that checks a container by running a command in it (an ECS task's
 * health check) run the same one. gRPC services answer the gRPC health protocol
 * (grpc-health-probe, built into the image); HTTP services their readiness path.
 */
public final class HealthCheck {
  private HealthCheck() {}

  public static List<String> command(Deployable d) {
    String url = "http://127.0.0.1:" + Deployable.PORT + Deployable.READY_PATH;
    if (d.grpc()) {
      return List.of("/usr/local/bin/grpc-health-probe", "-addr=127.0.0.1:" + Deployable.PORT);
    }
    return d.language() == Language.PYTHON
        ? List.of("python", "-c", "import urllib.request; urllib.request.urlopen('" + url + "', timeout=2)")
        : List.of("wget", "-q", "-O", "/dev/null", url);
  }
}
