package dev.archforge.deliverable.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.GatewayApiCheck;
import dev.archforge.testing.SamplePlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Gateway, HTTPRoute and GRPCRoute of every sample (and of a public gRPC service, as
 * microservices and as one deployable), base and overlays, is valid under the Gateway API's own
 * schemas; and the check does catch an invalid one.
 */
class GatewayApiSchemasTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  @TempDir
  Path tmp;

  private List<Path> write(String name, Plan plan) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Artifact a : PIPELINE.render(Facts.of(plan), RENDERER)) {
      if (a.path().startsWith("deploy/k8s/") && a.path().endsWith(".yaml")) {
        Path file = tmp.resolve(name).resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content());
        files.add(file);
      }
    }
    return files;
  }

  @Test
  void everyGatewayApiObjectMeetsItsSchema() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path sample : SamplePlans.samples()) {
      files.addAll(write(sample.getFileName().toString(), SamplePlans.onKubernetes(sample)));
    }
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replace("    api: grpc\n",
        "    api: grpc\n    exposure: public\n");
    for (String style : List.of("microservices", "modular-monolith")) {
      files.addAll(write("grpc-" + style, AsyncApiPlans.variant("ecommerce.yaml", text, style, null,
          Map.of("architecture-style", style)).plan()));
    }

    GatewayApiCheck.Report report = GatewayApiCheck.check(files);

    assertThat(report.errors()).isEmpty();
    assertThat(report.checked()).isGreaterThan(20);
  }

  @Test
  void anInvalidRouteIsCaught() throws IOException {
    Path route = write("ecommerce", SamplePlans.onKubernetes(Path.of("samples/ecommerce.yaml"))).stream()
        .filter(p -> p.endsWith("httproute.yaml")).findFirst().orElseThrow();
    Files.writeString(route, Files.readString(route).replace("type: PathPrefix", "type: Prefix"));

    assertThat(GatewayApiCheck.check(List.of(route)).errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("type"));
  }
}
