package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * New Azure virtual networks get no default outbound access, so infra/'s Azure network says per
 * runtime how its workloads go out: virtual machines through a NAT gateway with a static public IP on
 * their subnet, AKS through its load balancer (outbound type loadBalancer), Container Apps through the
 * platform; each subnet that must not rely on default outbound access turns it off. Read with hcl4j.
 */
class AzureOutboundTest {
  private static final String NETWORK = "infra/modules/network/main.tf";

  /** Each subnet of the network module → its default_outbound_access_enabled, "unset" when it says nothing. */
  @SuppressWarnings("unchecked")
  static Map<String, String> defaultOutbound(String network) {
    try {
      Map<String, Object> resources = (Map<String, Object>) new HCLParser().parse(network, false).get("resource");
      Map<String, Object> subnets = (Map<String, Object>) resources.get("azurerm_subnet");
      Map<String, String> out = new TreeMap<>();
      subnets.forEach((name, body) -> out.put(name, String.valueOf(((Map<String, Object>) body)
          .getOrDefault("default_outbound_access_enabled", "unset"))));
      return out;
    } catch (Exception e) {
      throw new AssertionError("infra/ does not parse", e);
    }
  }

  @Test
  void virtualMachinesGoOutThroughANatGatewayOnTheirSubnet() {
    List<Artifact> all = render("ecommerce.yaml", "azure", Map.of("deployment", "vm"));
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    String network = file(all, NETWORK);
    assertThat(defaultOutbound(network)).containsEntry("nodes", "false").containsEntry("endpoints", "false");
    assertThat(network).contains("resource \"azurerm_subnet_nat_gateway_association\" \"nodes\" {\n"
        + "  subnet_id      = azurerm_subnet.nodes.id")
        .contains("public_ip_address_id = azurerm_public_ip.nat.id")
        .contains("value = azurerm_subnet_nat_gateway_association.nodes.subnet_id");
    assertThat(file(all, "infra/README.md")).contains("default outbound access is off, and the machines go out"
        + " through a NAT gateway with a static public IP");
  }

  @Test
  void aksGoesOutThroughItsLoadBalancerAndTakesNoNatGateway() {
    List<Artifact> all = render("ecommerce.yaml", "azure", Map.of("deployment", "kubernetes"));
    String network = file(all, NETWORK);
    assertThat(defaultOutbound(network)).containsEntry("nodes", "false").containsEntry("endpoints", "false");
    assertThat(network).doesNotContain("azurerm_nat_gateway");
    assertThat(file(all, "infra/modules/runtime-kubernetes/main.tf")).contains("outbound_type  = \"loadBalancer\"");
    assertThat(file(all, "infra/README.md")).contains("default outbound access is off, and AKS goes out through its"
        + " load balancer").doesNotContain("NAT gateway");
  }

  @Test
  void containerAppsKeepThePlatformsOutboundPath() {
    List<Artifact> all = render("ecommerce.yaml", "azure", Map.of("deployment", "managed-containers"));
    String network = file(all, NETWORK);
    assertThat(defaultOutbound(network)).containsEntry("nodes", "unset").containsEntry("endpoints", "false");
    assertThat(network).doesNotContain("azurerm_nat_gateway");
    assertThat(file(all, "infra/README.md")).contains("the Container Apps environment goes out through the platform's"
        + " own path").doesNotContain("default outbound access is off");
  }
}
