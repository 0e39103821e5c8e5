package dev.archforge.deliverable.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.facts.YamlLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: every container-image function of a SAM template answers Lambda's
 * invocations. Its image's Dockerfile copies the AWS Lambda Web Adapter into
 * {@code /opt/extensions/}; the adapter's port ({@code AWS_LWA_PORT}, default 8080) is the one the
 * image EXPOSEs; and its readiness check is the image's HEALTHCHECK: the same path over http, or
 * tcp when the image checks gRPC health.
 */
final class FunctionsCarryAdapter implements CrossValidator {
  static final String NAME = "functions-carry-adapter";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern COPY_ADAPTER = Pattern.compile(
      "(?m)^COPY\\s+--from=\\S*/aws-lambda-adapter:\\S+\\s+/lambda-adapter\\s+/opt/extensions/\\S+\\s*$");
  private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
  private static final Pattern HEALTH_PATH = Pattern.compile("(?m)^HEALTHCHECK .*http://[^/:\\s]+:\\d+(/[^'\"\\s]*)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    List<Finding> findings = new ArrayList<>();
    for (Artifact sam : all) {
      if (!sam.kind().equals(SamValidator.KIND)) {
        continue;
      }
      JsonNode resources = read(sam).path("Resources");
      for (Map.Entry<String, JsonNode> r : resources.properties()) {
        JsonNode p = r.getValue().path("Properties");
        if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")
            && p.path("PackageType").asText().equals("Image")) {
          check(sam, r.getKey(), p, all, findings);
        }
      }
    }
    return findings;
  }

  private static void check(Artifact sam, String id, JsonNode p, List<Artifact> all, List<Finding> findings) {
    String uri = p.path("ImageUri").asText();
    String name = uri.substring(uri.lastIndexOf('/') + 1).replaceFirst("[:@].*", "");
    String at = "/Resources/" + id + "/Properties";
    Optional<Artifact> dockerfile = all.stream().filter(a -> a.path().equals(Layout.dockerfile(name))).findFirst();
    if (dockerfile.isEmpty()) {
      findings.add(finding(sam, at + "/ImageUri", id + " runs " + uri + " but no Dockerfile of the workspace builds it ("
          + Layout.dockerfile(name) + ")"));
      return;
    }
    String image = finalStage(dockerfile.get().content());
    String path = dockerfile.get().path();
    if (!COPY_ADAPTER.matcher(image).find()) {
      findings.add(finding(sam, at + "/ImageUri", id + " is a Lambda function but " + path + " does not copy the AWS"
          + " Lambda Web Adapter into /opt/extensions/: the HTTP server in the image never sees an invocation"));
      return;
    }
    JsonNode env = p.at("/Environment/Variables");
    Matcher expose = EXPOSE.matcher(image);
    String port = env.path("AWS_LWA_PORT").asText("8080");
    if (expose.find() && !expose.group(1).equals(port)) {
      findings.add(finding(sam, at + "/Environment/Variables/AWS_LWA_PORT", id + "'s adapter forwards to port " + port
          + " but " + path + " EXPOSEs " + expose.group(1)));
    }
    String protocol = env.path("AWS_LWA_READINESS_CHECK_PROTOCOL").asText("http");
    Matcher health = HEALTH_PATH.matcher(image);
    if (image.contains("grpc-health-probe")) {
      if (!protocol.equals("tcp")) {
        findings.add(finding(sam, at + "/Environment/Variables", id + "'s adapter checks readiness over " + protocol
            + " but " + path + " serves gRPC (its HEALTHCHECK is grpc-health-probe): set"
            + " AWS_LWA_READINESS_CHECK_PROTOCOL to tcp"));
      }
    } else if (health.find()) {
      String ready = env.path("AWS_LWA_READINESS_CHECK_PATH").asText("/");
      if (!protocol.equals("http") || !ready.equals(health.group(1))) {
        findings.add(finding(sam, at + "/Environment/Variables", id + "'s adapter waits for " + protocol + " " + ready
            + " but " + path + "'s HEALTHCHECK checks " + health.group(1)));
      }
    }
  }

  /** The Dockerfile from its last FROM on: what the image runs. */
  private static String finalStage(String dockerfile) {
    int last = Math.max(dockerfile.lastIndexOf("\nFROM "), 0);
    return dockerfile.substring(last);
  }

  private static JsonNode read(Artifact a) {
    try {
      return YAML.readTree(a.content());
    } catch (JsonProcessingException e) {
      return YAML.createObjectNode(); // the template's own validator reports it
    }
  }

  private static Finding finding(Artifact file, String pointer, String message) {
    return new Finding(file.path(), Math.max(1, YamlLines.of(file.content()).line(pointer)), message, NAME);
  }
}
