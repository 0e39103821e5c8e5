package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On Azure every service infra/ takes off the public network (the Key Vaults, the cache, the
 * broker) has a private endpoint whose name resolves in the environment's network (a privatelink
 * zone linked to it), and rule private-services-reachable catches one that has none.
 */
class PrivateServicesReachableTest {
  private static final PrivateServicesReachable RULE = new PrivateServicesReachable();
  private static final String KMS = "infra/modules/kms/main.tf";

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  @ParameterizedTest
  @CsvSource({"kafka, privatelink.servicebus.windows.net", "cloud-pubsub, privatelink.servicebus.windows.net"})
  void everyPrivateServiceHasAnEndpointThatResolvesInTheNetwork(String messaging, String brokerZone) {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "azure", Map.of("architecture-style",
        "microservices", "messaging", messaging, "caching", "redis"));
    assertThat(file(all, "infra/modules/network/main.tf")).contains("vault = \"privatelink.vaultcore.azure.net\"",
        "cache = \"privatelink.redis.cache.windows.net\"", "broker = \"" + brokerZone + "\"",
        "virtual_network_id    = azurerm_virtual_network.this.id");
    assertThat(file(all, KMS)).contains("private_connection_resource_id = azurerm_key_vault.this.id",
        "private_dns_zone_ids = [var.private_dns_zone_id]", "default_action = \"Deny\"");
    assertThat(file(all, "infra/envs/prod/main.tf")).contains(
        "private_dns_zone_id = module.network.private_dns_zone_ids[\"vault\"]",
        "private_dns_zone_id = module.network.private_dns_zone_ids[\"cache\"]");
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(file(all, "infra/README.md")).contains("`private-services-reachable`", "apply from inside the network");
    // the apply writes keys and secret entries through the vault's data plane: from inside the network, or from
    // the addresses the root lists, which alone open the vault's public endpoint, to them alone
    assertThat(file(all, KMS)).contains("public_network_access_enabled = length(var.apply_from) > 0",
        "ip_rules       = var.apply_from");
    assertThat(file(all, "infra/envs/prod/main.tf")).contains("variable \"vault_apply_from\" {",
        "default     = []", "apply_from          = var.vault_apply_from");
    assertThat(file(all, "infra/README.md")).contains("TF_VAR_vault_apply_from='[\"203.0.113.7/32\"]'");

    // the vault as it was: public access off and no private endpoint
    String noEndpoint = file(all, KMS).replaceAll("(?ms)^resource \"azurerm_private_endpoint\" \"vault\" \\{$.*?^}$\n", "");
    assertThat(RULE.validate(with(all, KMS, noEndpoint))).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(KMS);
      assertThat(f.line()).isPositive();
      assertThat(f.message()).contains("azurerm_key_vault.this is off the public network", "no private endpoint");
    });
    // an endpoint whose name resolves nowhere in the network
    String cache = "infra/modules/cache/main.tf";
    assertThat(RULE.validate(with(all, cache, file(all, cache).replaceAll("(?ms)^  private_dns_zone_group \\{$.*?^  }$\n",
        "")))).extracting(Finding::message).singleElement().satisfies(m -> assertThat(m)
            .contains("azurerm_redis_cache.this"));
    String broker = "infra/modules/broker/main.tf";
    assertThat(RULE.validate(with(all, broker, file(all, broker).replace("private_connection_resource_id",
        "private_connection_resource_alias")))).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo(broker));
  }

  private static List<Artifact> with(List<Artifact> all, String path, String content) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path) ? new Artifact(a.path(), content, a.kind()) : a)
        .toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }
}
