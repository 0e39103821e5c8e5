package dev.archforge.facts.deploy;

import dev.archforge.model.Cloud;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AWS Lambda Web Adapter, decided once for a deployable: under {@code deployment: serverless}
 * on aws each deployable runs as a container-image Lambda function, and an HTTP server image does
 * not answer Lambda's invocations by itself. The adapter is a Lambda extension copied into the
 * image ({@code /opt/extensions/}); it starts with the function, waits until the service's
 * readiness check passes, then turns each invocation into an HTTP request to the service's port.
 * The Dockerfile copies it, the SAM template sets its environment and the documents name it, all
 * from here. A gRPC service has no HTTP readiness path, so the adapter waits for its port to open.
 *
 * @param image the adapter's image, pinned to a version tag
 * @param port the port the adapter forwards to: the deployable's one port
 * @param readinessPath the path the adapter polls before the first invocation: the readiness path (http only)
 * @param readinessProtocol {@code http}, or {@code tcp} for gRPC services
 */
public record LambdaAdapter(String image, int port, String readinessPath, String readinessProtocol) {
  public static final String IMAGE = "public.ecr.aws/awsguru/aws-lambda-adapter:0.8.4";
  /** Where Lambda looks for extensions in an image. */
  public static final String EXTENSION = "/opt/extensions/lambda-adapter";

  /** The adapter the deployable's image carries; empty unless its functions run on AWS Lambda. */
  public static Optional<LambdaAdapter> of(Plan plan, Deployable d) {
    if (!Deployables.choice(plan, "deployment", "").equals("serverless")
        || plan.requirements().project().cloud() != Cloud.AWS) {
      return Optional.empty();
    }
    return Optional.of(new LambdaAdapter(IMAGE, d.port(), Deployable.READY_PATH, d.grpc() ? "tcp" : "http"));
  }

  /** The Dockerfile line that puts the extension into the image. */
  public String copyInstruction() {
    return "COPY --from=" + image + " /lambda-adapter " + EXTENSION;
  }

  /** The adapter's settings in the function's environment, in order. */
  public List<Setting> env() {
    List<Setting> env = new ArrayList<>(List.of(Setting.same("AWS_LWA_PORT", String.valueOf(port)),
        Setting.same("AWS_LWA_READINESS_CHECK_PROTOCOL", readinessProtocol)));
    if (readinessProtocol.equals("http")) {
      env.add(Setting.same("AWS_LWA_READINESS_CHECK_PATH", readinessPath));
    }
    return List.copyOf(env);
  }
}
