package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory check of a .tf file: types and arguments against the provider's schema, tags, variables. */
class InfraValidatorTest {
  private static List<Finding> check(String hcl) {
    return new InfraValidator().validate(new Artifact("infra/modules/x/main.tf", hcl, InfraDeliverable.HCL));
  }

  private static final String VPC = """
      variable "tags" {
        type = map(string)
      }

      resource "aws_vpc" "this" {
        cidr_block = "10.0.0.0/16"
        tags       = var.tags
      }
      """;

  @Test
  void aResourceAsTheProviderDefinesItPasses() {
    assertThat(check(VPC)).isEmpty();
    assertThat(check(VPC + """

        resource "aws_security_group" "this" {
          vpc_id = aws_vpc.this.id
          ingress {
            from_port   = 5432
            to_port     = 5432
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/16"]
          }
          egress {
            from_port = 0
            to_port   = 0
            protocol  = "-1"
          }
          tags = var.tags
          lifecycle {
            create_before_destroy = true
          }
        }
        """)).isEmpty();
  }

  @Test
  void anArgumentTheProviderDoesNotHaveIsNamed() {
    assertThat(check(VPC.replace("cidr_block", "cidr"))).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("aws_vpc.this: cidr is no argument", "@cdktf/provider-aws");
      assertThat(f.line()).isEqualTo(5);
    });
    assertThat(check(VPC.replace("cidr_block = \"10.0.0.0/16\"", "ingress {\n    port = 1\n  }")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("ingress is no argument"));
    assertThat(check(VPC + "\nresource \"aws_security_group\" \"x\" {\n  tags = var.tags\n  ingress {\n    port = 1\n"
        + "  }\n}\n")).singleElement().satisfies(f -> assertThat(f.message()).contains("aws_security_group.x.ingress: port"));
  }

  /**
   * Google keeps a big resource's nested blocks in separate files of its cdktf package
   * (index-structs), which provider-schema.mjs reads too: the GKE cluster's DNS endpoint, three
   * levels down, is checked like any argument.
   */
  @Test
  void aNestedArgumentOfAGoogleClusterIsChecked() {
    Artifact cluster = ImagesComeFromRegistryTest.render("gcp", "kubernetes").stream()
        .filter(a -> a.path().equals(DeployReachesCluster.CLUSTER_MODULE)).findFirst().orElseThrow();
    String hcl = cluster.content();
    assertThat(hcl).contains("dns_endpoint_config {\n      allow_external_traffic = true");
    assertThat(check(hcl)).isEmpty();
    assertThat(check(hcl.replace("allow_external_traffic = true", "allow_external_trafic = true"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains(
            "google_container_cluster.this.control_plane_endpoints_config.dns_endpoint_config: allow_external_trafic is"
                + " no argument or block of it", "@cdktf/provider-google"));
    assertThat(check(hcl.replace("dns_endpoint_config {", "dns_endpoints_config {"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("control_plane_endpoints_config: dns_endpoints_config is no"));
  }

  @Test
  void anUnknownTypeAndAProviderWithoutSchemaAreNamed() {
    assertThat(check(VPC.replace("aws_vpc", "aws_vpcs"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("aws_vpcs does not exist"));
    assertThat(check(VPC.replace("aws_vpc", "aws_s3_object"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("not in the checked-in extract", "provider-schema.mjs"));
    assertThat(check(VPC.replace("aws_vpc", "random_password"))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no schema of its provider"));
  }

  @Test
  void aResourceThatTakesTagsMustSetThem() {
    assertThat(check(VPC.replace("  tags       = var.tags\n", ""))).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("aws_vpc.this takes tags but sets none"));
    // an EKS node group's labels are Kubernetes labels, not tags; on Google, labels are the tags
    assertThat(check("resource \"google_kms_crypto_key\" \"k\" {\n  name     = \"k\"\n  key_ring = \"r\"\n}\n"))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("takes labels but sets none"));
  }

  @Test
  void aVariableUsedMustBeDeclared() {
    assertThat(check(VPC.replace("\"10.0.0.0/16\"", "var.cidr"))).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("var.cidr is used but no variable \"cidr\" is declared");
      assertThat(f.line()).isEqualTo(6);
    });
  }

  @Test
  void stringsAreQuotedSoTheyCannotInterpolate() {
    assertThat(Hcl.quote("a\"b\\c${x}%{y}$z\n")).isEqualTo("\"a\\\"b\\\\c$${x}%%{y}$z\\n\"");
  }
}
