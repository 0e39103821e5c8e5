package dev.archforge.deliverable.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway routes exactly the services the contracts call public: HTTP services by path
 * prefix, gRPC services by the service their proto file declares; an internal module of a modular
 * monolith stays unrouted although it shares the deployable.
 */
class RoutesMatchExposureTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String BASE = KubernetesDeliverable.BASE;

  static Stream<Path> samples() {
    return SamplePlans.samples().stream();
  }

  /** The e-commerce sample with inventory, a gRPC service, made public; as microservices or one deployable. */
  private static List<Artifact> publicGrpc(String style) {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replace("    api: grpc\n",
        "    api: grpc\n    exposure: public\n");
    return PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml", text, style, null,
        Map.of("architecture-style", style)).plan()), RENDERER);
  }

  private static JsonNode yaml(List<Artifact> all, String path) throws Exception {
    return YAML.readTree(all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content());
  }

  private static List<Finding> broken(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new RoutesMatchExposure().validate(changed);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleRoutesItsPublicServicesOnly(Path sample) {
    assertThat(new RoutesMatchExposure().validate(PIPELINE.render(Facts.of(SamplePlans.plan(sample)), RENDERER)))
        .isEmpty();
  }

  @Test
  void aPublicGrpcServiceIsRoutedByTheServiceItsProtoDeclares() throws Exception {
    List<Artifact> micro = publicGrpc("microservices");
    JsonNode route = yaml(micro, BASE + "inventory/grpcroute.yaml");
    assertThat(route.at("/spec/rules/0/matches/0/method/service").asText())
        .isEqualTo("shop.inventory.v1.InventoryService");
    String proto = micro.stream().filter(a -> a.path().equals("api/inventory/inventory.proto")).findFirst()
        .orElseThrow().content();
    assertThat(proto).contains("package shop.inventory.v1;").contains("service InventoryService {");
    assertThat(new RoutesMatchExposure().validate(micro)).isEmpty();

    assertThat(broken(micro, BASE + "inventory/grpcroute.yaml", t -> t.replace("InventoryService", "StockService")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("shop.inventory.v1.StockService"));

    List<Artifact> monolith = publicGrpc("modular-monolith");
    assertThat(yaml(monolith, BASE + "shop/grpcroute.yaml").at("/spec/rules/0/matches/0/method/service").asText())
        .isEqualTo("shop.inventory.v1.InventoryService");
    assertThat(yaml(monolith, BASE + "shop/httproute.yaml").at("/spec/rules").findValuesAsText("value"))
        .containsExactly("/catalog", "/orders");
  }

  @Test
  void aRouteToAnInternalApiOrAPublicApiWithoutOneIsCaught() {
    List<Artifact> all = PIPELINE.render(Facts.of(SamplePlans.onKubernetes(Path.of("samples/ecommerce.yaml"))), RENDERER);
    String route = BASE + "shop/httproute.yaml";

    // catalog turned internal while the gateway still routes it
    List<Finding> root = broken(all, "api/catalog/openapi.yaml", t -> t.replace("x-internal: false",
        "x-internal: true"));
    assertThat(root).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(route);
      assertThat(f.message()).contains("/catalog").contains("internal API of api/catalog/openapi.yaml");
    });
    assertThat(broken(all, route, t -> t.replace("value: \"/orders\"", "value: \"/shop-orders\"")))
        .singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo("api/orders/openapi.yaml");
          assertThat(f.message()).contains("has no route from the gateway");
        });
  }
}
