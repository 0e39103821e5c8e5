package dev.archforge.deliverable.k8s;

import dev.archforge.facts.SharedKinds;
import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict model check with the real client-java-api models, and the line of each finding. */
class KubernetesValidatorTest {
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: catalog
      spec:
        selector:
          app.kubernetes.io/name: catalog
        ports:
          - name: http
            port: 8080
            targetPort: 8080
      """;

  @Test
  void theCompliantPodOfThePodSecurityTestIsAValidDeployment() {
    assertThat(check(PodSecurityCheckerTest.COMPLIANT)).isEmpty();
  }

  @Test
  void aValidServicePasses() {
    assertThat(check(SERVICE)).isEmpty();
  }

  @Test
  void anUnknownFieldIsReportedOnItsLine() {
    List<Finding> findings = check(SERVICE.replace("    port: 8080", "    prot: 8080"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("`prot`").contains("V1ServicePort");
      assertThat(f.line()).isEqualTo(10);
    });
  }

  @Test
  void aMissingRequiredFieldIsReported() {
    String deployment = PodSecurityCheckerTest.COMPLIANT.replace("  selector:\n    matchLabels: {app.kubernetes.io/name: shop}\n", "");

    assertThat(check(deployment)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("required field `selector`");
      assertThat(f.line()).isEqualTo(5);
    });
  }

  @Test
  void aMissingContainerImageIsNotRequiredByTheApiButANameIs() {
    String deployment = PodSecurityCheckerTest.COMPLIANT.replace("- name: shop\n", "- image2: x\n");

    assertThat(check(deployment)).singleElement().satisfies(f -> assertThat(f.message()).contains("`image2`"));
  }

  @Test
  void aWrongJsonTypeIsReported() {
    assertThat(check(SERVICE.replace("name: catalog\nspec", "name: [catalog]\nspec")))
        .singleElement().satisfies(f -> {
          assertThat(f.message()).contains("name");
          assertThat(f.line()).isEqualTo(4);
        });
  }

  @Test
  void aValueTheModelCannotHoldIsReported() {
    assertThat(check(SERVICE.replace("port: 8080", "port: eighty"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Service catalog").contains("eighty"));
  }

  @Test
  void removedApiVersionsAreReported() {
    String pdb = """
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata: {name: catalog}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app.kubernetes.io/name: catalog}}
        """;

    assertThat(check(pdb)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("removed in Kubernetes 1.25");
      assertThat(f.line()).isEqualTo(1);
    });
    assertThat(check(pdb.replace("policy/v1beta1", "policy/v1"))).isEmpty();
  }

  @Test
  void aKindUnderTheWrongGroupHasNoModel() {
    assertThat(check(SERVICE.replace("apiVersion: v1", "apiVersion: apps/v1"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no Kubernetes API model").contains("core group"));
  }

  @Test
  void everyDocumentOfAFileIsCheckedWithItsOwnLines() {
    String twoDocs = SERVICE + "---\n" + SERVICE.replace("targetPort", "targetProt");

    assertThat(check(twoDocs)).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(12 + 11));
  }

  @Test
  void externalSecretsAreCheckedStructurallyAndTheirMetadataWithTheModel() {
    String external = """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: catalog
          labelz: {}
        spec:
          secretStoreRef: {kind: SecretStore, name: shop-secrets}
          target: {name: catalog-secrets}
          data:
            - secretKey: DB_PASSWORD
              remoteRef: {key: shop/catalog, property: DB_PASSWORD}
        """;

    assertThat(check(external)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("`labelz`");
      assertThat(f.line()).isEqualTo(5);
    });
    assertThat(check(external.replace("  labelz: {}\n", ""))).isEmpty();
    assertThat(check(external.replace("  labelz: {}\n", "").replace("secretKey", "secretName")))
        .extracting(Finding::message).anyMatch(m -> m.contains("`secretKey`"));
    assertThat(check(external.replace("external-secrets.io/v1", "external-secrets.io/v1beta1")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("external-secrets.io/v1"));
  }

  @Test
  void brokenYamlIsOneFinding() {
    assertThat(check("apiVersion: v1\nkind: [\n")).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("not valid YAML"));
  }

  private static List<Finding> check(String yaml) {
    return new KubernetesValidator().validate(new Artifact("deploy/k8s/base/x.yaml", yaml, SharedKinds.KUBERNETES));
  }
}
