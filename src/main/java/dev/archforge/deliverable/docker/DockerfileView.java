package dev.archforge.deliverable.docker;

import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.HealthCheck;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.facts.deploy.LocalImages;
import java.util.Optional;

/**
 * What {@code deploy/<name>/Dockerfile} shows. Every value is built in Java from names the loader
 * checked ({@code [a-z][a-z0-9-]*}) and constants: the Dockerfile template does no escaping.
 *
 * @param healthcheck the exec-form HEALTHCHECK command (JSON array)
 * @param lambdaAdapter the instruction that copies the AWS Lambda Web Adapter into the image when it runs
 *     as a Lambda function (facts/deploy/LambdaAdapter); empty otherwise
 */
public record DockerfileView(
    String name,
    String language,
    String image,
    ImageRecipe recipe,
    boolean grpc,
    String probeBuildImage,
    String probeVersion,
    String healthcheck,
    int port,
    int uid,
    String lambdaAdapter) {
  static DockerfileView of(Deployable d, Optional<LambdaAdapter> adapter) {
    ImageRecipe recipe = ImageRecipe.of(d.language(), d.name());
    return new DockerfileView(d.name(), d.language().spelling(), LocalImages.local(d.project(), d.name()), recipe, d.grpc(),
        ImageRecipe.PROBE_BUILD_IMAGE, ImageRecipe.PROBE_VERSION, healthcheck(d, recipe), d.port(), d.uid(),
        adapter.map(LambdaAdapter::copyInstruction).orElse(""));
  }

  /** The exec-form command that fails unless the deployable is ready. */
  static String healthcheck(Deployable d, ImageRecipe recipe) {
    return ImageRecipe.exec(HealthCheck.command(d).toArray(String[]::new));
  }
}
