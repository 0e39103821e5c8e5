package dev.archforge.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * Knative Serving's own schema ({@code @kubernetes-models/knative}, generated from its CRDs; npm,
 * pinned in {@code src/test/node/package.json}) run by {@code src/test/node/descriptor-check.mjs}
 * over Cloud Run service YAML, a second check beside the Java one. Without node the calling test is
 * skipped, or fails under {@code CI=true}, as with every Node check.
 */
public final class KnativeCheck {
  private KnativeCheck() {}

  /** Validates every Knative Service (serving.knative.dev/v1) of the files in one node process. */
  public static GatewayApiCheck.Report check(List<Path> files) {
    return GatewayApiCheck.run("descriptor-check.mjs", files);
  }
}
