package dev.archforge.deliverable.containers;

import static dev.archforge.deliverable.containers.ServerlessWorkspaces.edited;
import static dev.archforge.deliverable.containers.ServerlessWorkspaces.file;
import static dev.archforge.deliverable.containers.ServerlessWorkspaces.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Serverless on aws: each function's image carries the AWS Lambda Web Adapter, whose port and
 * readiness check are the image's, and rule {@value FunctionsCarryAdapter#NAME} catches an image
 * without it, a port or a readiness path that disagrees, and a gRPC image checked over http.
 */
class FunctionsCarryAdapterTest {
  private static final Pipeline PIPELINE = ServerlessWorkspaces.PIPELINE;
  private static final String TEMPLATE = "deploy/sam/template.yaml";

  private static List<String> findings(List<Artifact> all) {
    return new FunctionsCarryAdapter().validate(all).stream().map(Finding::message).toList();
  }

  @Test
  void onAwsEveryFunctionImageCarriesTheAdapterWithTheImagesPortAndReadiness() throws IOException {
    List<Artifact> all = render("fintech-ledger", "aws", "serverless");
    assertThat(findings(all)).isEmpty();
    String dockerfile = file(all, "deploy/accounts/Dockerfile").content();
    assertThat(dockerfile).contains("COPY --from=" + LambdaAdapter.IMAGE + " /lambda-adapter "
        + LambdaAdapter.EXTENSION + "\n");
    assertThat(dockerfile.indexOf("COPY --from=public.ecr.aws")).isGreaterThan(dockerfile.lastIndexOf("\nFROM "));
    JsonNode env = new YAMLMapper().readTree(file(all, TEMPLATE).content())
        .at("/Resources/AccountsFunction/Properties/Environment/Variables");
    assertThat(env.path("AWS_LWA_PORT").asText()).isEqualTo("8080");
    assertThat(env.path("AWS_LWA_READINESS_CHECK_PROTOCOL").asText()).isEqualTo("http");
    assertThat(env.path("AWS_LWA_READINESS_CHECK_PATH").asText()).isEqualTo("/health/ready");
    assertThat(dockerfile).contains("EXPOSE 8080").contains("127.0.0.1:8080/health/ready");
  }

  @Test
  void onlyImagesThatRunOnLambdaCarryIt() {
    for (List<Artifact> all : List.of(render("fintech-ledger", "gcp", "serverless"),
        render("fintech-ledger", "aws", "managed-containers"), render("fintech-ledger", "aws", "kubernetes"))) {
      assertThat(file(all, "deploy/accounts/Dockerfile").content()).doesNotContain("lambda-adapter");
      assertThat(findings(all)).isEmpty();
    }
  }

  @Test
  void anImageWithoutTheAdapterIsCaught() {
    List<Artifact> all = render("fintech-ledger", "aws", "serverless");
    List<Artifact> broken = edited(all, "deploy/accounts/Dockerfile", "COPY --from=" + LambdaAdapter.IMAGE, "# no adapter");
    // once for each template that runs the image: production's and the second region's (fintech's warm standby)
    assertThat(findings(broken)).hasSize(2).allSatisfy(f -> assertThat(f).contains("AccountsFunction")
        .contains("does not copy the AWS Lambda Web Adapter"));
    assertThat(new FunctionsCarryAdapter().validate(broken)).extracting(Finding::path)
        .containsExactly("deploy/sam/template.yaml", "deploy/sam/prod-warm-standby/template.yaml");
    assertThat(PIPELINE.validate(broken)).extracting(Finding::validator).contains(FunctionsCarryAdapter.NAME);
  }

  @Test
  void aPortOrReadinessPathThatIsNotTheImagesIsCaught() {
    List<Artifact> all = render("fintech-ledger", "aws", "serverless");
    String template = file(all, TEMPLATE).content();
    int orders = template.indexOf("AccountsFunction:");
    String port = template.substring(template.indexOf("AWS_LWA_PORT", orders), template.indexOf("\n",
        template.indexOf("AWS_LWA_PORT", orders)));
    String path = template.substring(template.indexOf("AWS_LWA_READINESS_CHECK_PATH", orders), template.indexOf("\n",
        template.indexOf("AWS_LWA_READINESS_CHECK_PATH", orders)));
    assertThat(findings(edited(all, TEMPLATE, port, "AWS_LWA_PORT: \"9000\""))).singleElement().asString()
        .contains("forwards to port 9000").contains("EXPOSEs 8080");
    assertThat(findings(edited(all, TEMPLATE, path, "AWS_LWA_READINESS_CHECK_PATH: /"))).singleElement().asString()
        .contains("waits for http /").contains("checks /health/ready");
  }

  @Test
  void aGrpcImageCheckedOverHttpIsCaught() {
    List<Artifact> all = render("fintech-ledger", "aws", "serverless");
    assertThat(findings(all)).isEmpty();
    String template = file(all, TEMPLATE).content();
    assertThat(template).contains("AWS_LWA_READINESS_CHECK_PROTOCOL: \"tcp\"");
    assertThat(findings(edited(all, TEMPLATE, "AWS_LWA_READINESS_CHECK_PROTOCOL: \"tcp\"",
        "AWS_LWA_READINESS_CHECK_PROTOCOL: \"http\""))).singleElement().asString().contains("LedgerFunction")
        .contains("serves gRPC");
  }
}
