package dev.archforge.deliverable.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.LambdaAdapter;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Serverless on aws: each function's image carries the AWS Lambda Web Adapter, whose port and
 * readiness check are the image's, and rule {@value FunctionsCarryAdapter#NAME} catches an image
 * without it, a port or a readiness path that disagrees, and a gRPC image checked over http.
 */
class FunctionsCarryAdapterTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String TEMPLATE = "deploy/sam/template.yaml";

  private static List<Artifact> render(String sample, String cloud, String deployment) {
    return PIPELINE.render(Facts.of(SamplePlans.deployedOn(Path.of("samples/" + sample + ".yaml"), cloud,
        deployment)), RENDERER);
  }

  private static Artifact file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
  }

  private static List<String> findings(List<Artifact> all) {
    return new FunctionsCarryAdapter().validate(all).stream().map(Finding::message).toList();
  }

  private static List<Artifact> edited(List<Artifact> all, String path, String from, String to) {
    List<Artifact> copy = new ArrayList<>();
    for (Artifact a : all) {
      if (a.path().equals(path)) {
        assertThat(a.content()).contains(from);
        copy.add(new Artifact(a.path(), a.content().replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)),
            a.kind()));
      } else {
        copy.add(a);
      }
    }
    return copy;
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
    assertThat(findings(broken)).singleElement().asString().contains("AccountsFunction")
        .contains("does not copy the AWS Lambda Web Adapter");
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
