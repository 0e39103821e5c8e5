package dev.archforge.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that depends on the cloud comes from the plan: every sample rendered for each cloud names
 * no other cloud's products. Left out: the decision records, which weigh alternatives that may be
 * another vendor's, and CAPACITY.md, which prices the system on every cloud on purpose.
 */
class CloudWordsTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final Map<String, Pattern> PRODUCTS = Map.of(
      "aws", Pattern.compile("\\b(Amazon|AWS|RDS|CloudTrail|CloudWatch|ElastiCache|EKS|MSK|SNS|SQS)\\b"),
      "gcp", Pattern.compile("\\b(Google Cloud|GCP|Cloud SQL|GKE|Memorystore|Stackdriver|Cloud KMS|Cloud Logging)\\b"),
      "azure", Pattern.compile("\\b(Azure|Entra|AKS|Service Bus|Key Vault|Cosmos DB)\\b"));

  static Stream<Arguments> samplesByCloud() {
    List<Arguments> list = new ArrayList<>();
    for (Path sample : AsyncApiPlans.samples()) {
      for (String cloud : PRODUCTS.keySet().stream().sorted().toList()) {
        list.add(Arguments.of(sample.getFileName().toString(), cloud));
      }
    }
    return list.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("samplesByCloud")
  void noDocumentNamesAnotherCloudsProducts(String sample, String cloud) {
    var plan = AsyncApiPlans.variant(sample, AsyncApiPlans.sampleText(sample), cloud, cloud, Map.of()).plan();
    List<String> found = new ArrayList<>();
    for (Artifact a : PIPELINE.render(Facts.of(plan), RENDERER)) {
      if (a.path().startsWith("decisions/") || a.path().equals("CAPACITY.md")) {
        continue;
      }
      String[] lines = a.content().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (a.path().equals("CONTEXT.md") && lines[i].startsWith("| [")) {
          continue; // a decision's reasons, as the record gives them
        }
        for (var other : PRODUCTS.entrySet()) {
          Matcher m = other.getValue().matcher(lines[i]);
          if (!other.getKey().equals(cloud) && m.find()) {
            found.add(a.path() + ":" + (i + 1) + ": " + m.group() + " — " + lines[i].strip());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
