package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under authentication mtls, how services log in to Kafka is one decision (decide/KafkaLogin): on aws
 * client certificates from the private CA infra/ creates; on gcp and azure SASL PLAIN, which the
 * authentication record says with its reason, as the configuration, the AsyncAPI scheme and infra/ do.
 */
class KafkaLoginTest {
  private static List<Artifact> mtls(String cloud) {
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replaceFirst("authentication: oidc", "authentication: mtls");
    return Pipeline.standard().render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml", text, cloud, cloud,
        Map.of("messaging", "kafka")).plan()), new TemplateRenderer(List.of()));
  }

  private static String record(List<Artifact> all) {
    return all.stream().filter(a -> a.path().endsWith("-authentication.md")).findFirst().orElseThrow().content();
  }

  @Test
  void onGoogleCloudTheRecordSaysWhyKafkaTakesAPasswordAndTheFilesDoTheSame() {
    List<Artifact> all = mtls("gcp");
    assertThat(record(all)).contains("**mtls**").contains("- Kafka is the exception: services log in to Google Cloud"
        + " Managed Service for Apache Kafka with SASL PLAIN over TLS as their own service account")
        .contains("Certificate Authority Service CA pool (the cluster's TLS trust settings), which infra/ does not create");
    assertThat(file(all, "deploy/k8s/base/shop/configmap.yaml")).contains("\"KAFKA_SECURITY_PROTOCOL\": \"SASL_SSL\"")
        .contains("\"KAFKA_SASL_MECHANISM\": \"PLAIN\"");
    assertThat(file(all, "deploy/k8s/base/shop/externalsecret.yaml")).contains("BROKER_PASSWORD");
    assertThat(file(all, "api/asyncapi.yaml")).contains("SASL PLAIN over TLS, as Google Cloud Managed Service")
        .doesNotContain("X509");
    assertThat(file(all, "infra/modules/identity/main.tf")).contains("log in to Managed Kafka with SASL PLAIN");
    assertThat(file(all, "infra/modules/broker/main.tf")).doesNotContain("tls_config");
  }

  @Test
  void onAzureTheRecordSaysEventHubsTakesNoCertificates() {
    assertThat(record(mtls("azure"))).contains("- Kafka is the exception: Event Hubs' Kafka endpoint takes no client"
        + " certificates");
  }

  @Test
  void onAwsServicesPresentCertificatesAndTheRecordMakesNoException() {
    List<Artifact> all = mtls("aws");
    assertThat(record(all)).doesNotContain("Kafka is the exception");
    assertThat(file(all, "deploy/k8s/base/shop/configmap.yaml")).contains("\"KAFKA_SECURITY_PROTOCOL\": \"SSL\"")
        .doesNotContain("KAFKA_SASL_MECHANISM");
    assertThat(file(all, "infra/modules/broker/main.tf")).contains("aws_acmpca_certificate_authority");
  }
}
