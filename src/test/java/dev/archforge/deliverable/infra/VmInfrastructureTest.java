package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.model.Artifact;
import dev.archforge.testing.Hcl2Json;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deployment: vm} on gcp and azure: a regional managed instance group or a scale set per
 * deployable from deploy/vm/'s user data, bounded as CAPACITY.md says, with internal load balancers
 * under the names the other deployables call and the public edge; every root (and every cell's) is
 * valid against the provider schema and HashiCorp's parser, and the coherence rules read them.
 */
class VmInfrastructureTest {
  private static final Map<String, String> VM = Map.of("architecture-style", "microservices", "deployment", "vm");
  private static final String USER_DATA = "deploy/vm/orders.cloud-init.yaml";

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(
        () -> new AssertionError("no " + path)).content();
  }

  private static List<Artifact> edit(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }

  private static Deployable orders(String cloud) {
    return Facts.of(AsyncApiPlans.variant("ecommerce.yaml", AsyncApiPlans.sampleText("ecommerce.yaml"), cloud, cloud,
        VM).plan()).deployables().stream().filter(d -> d.name().equals("orders")).findFirst().orElseThrow();
  }

  @Test
  void onGcpEachDeployableIsARegionalManagedInstanceGroupFromItsUserData() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "gcp", VM);
    String module = file(all, "infra/modules/runtime-vm/main.tf");
    assertThat(module).contains("resource \"google_compute_region_instance_group_manager\" \"this\"",
        "user-data              = file(format(\"%s/%s.cloud-init.yaml\", var.user_data, each.key))",
        "enable-oslogin         = \"TRUE\"", "enable_secure_boot          = true",
        "email  = var.service_accounts[each.key]", "request_path = var.health_path",
        "auto_healing_policies {", "min_replicas    = each.value.min", "max_replicas    = each.value.max",
        "load_balancing_scheme = \"INTERNAL\"", "resource \"google_compute_firewall\" \"deny\"",
        "\"35.191.0.0/16\", \"130.211.0.0/22\"", "load_balancing_scheme = \"EXTERNAL_MANAGED\"",
        "min_tls_version = \"TLS_1_2\"", "ignore_changes = [version, target_size]",
        "name_prefix  = \"${var.project}-${each.key}-base-\"")
        .doesNotContain("access_config");
    Deployable orders = orders("gcp");
    String prod = file(all, "infra/envs/prod/main.tf");
    assertThat(prod).contains("source     = \"../../modules/runtime-vm\"", "service_accounts = module.identity.emails",
        "\"orders\" = { type = \"e2-small\", min = " + orders.sizing().hpaMin() + ", max = " + orders.sizing().hpaMax()
            + ", called = false }", "\"catalog\" = { type = \"A\", value = module.runtime.internal_addresses[\"catalog\"] }",
        "health_path      = \"/health/ready\"", "variable \"certificate\"")
        // orders calls catalog and inventory; nobody calls orders, so it has no internal load balancer
        .doesNotContain("internal_addresses[\"orders\"]");
    assertThat(module).contains("called = { for name, m in var.machines : name => m if m.called }",
        "for_each              = local.called");
    assertThat(file(all, "infra/envs/dev/main.tf")).contains("\"orders\" = { type = \"e2-small\", min = 1, max = ");
    assertThat(file(all, "infra/README.md")).doesNotContain("writes no runtime module");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(new DescriptorsMatchInfrastructure().validate(all)).isEmpty();
  }

  @Test
  void onAzureEachDeployableIsAZonalScaleSetFromItsUserData() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "azure", VM);
    String module = file(all, "infra/modules/runtime-vm/main.tf");
    assertThat(module).contains("resource \"azurerm_linux_virtual_machine_scale_set\" \"this\"",
        "custom_data                     = base64encode(file(format(\"%s/%s.cloud-init.yaml\", var.user_data, each.key)))",
        "disable_password_authentication = true", "identity_ids = [var.identity_ids[each.key]]",
        "zones                           = [\"1\", \"2\", \"3\"]", "type                       = \"ApplicationHealthLinux\"",
        "requestPath = var.health_path", "upgrade_mode                    = \"Rolling\"",
        "maximum_surge_instances_enabled         = true", "minimum = each.value.min", "maximum = each.value.max",
        "access                     = \"Deny\"", "resource \"azurerm_lb\" \"internal\"",
        "resource \"azurerm_application_gateway\" \"public\"", "policy_name = \"AppGwSslPolicy20220101S\"",
        "key-vault = var.key_vault").doesNotContain("public_ip_address {", "admin_password");
    Deployable orders = orders("azure");
    String prod = file(all, "infra/envs/prod/main.tf");
    assertThat(prod).contains("source              = \"../../modules/runtime-vm\"", "identity_ids         = module.identity.ids",
        "\"orders\" = { type = \"Standard_B1ms\", min = " + orders.sizing().hpaMin() + ", max = "
            + orders.sizing().hpaMax() + ", called = false }", "\"catalog\" = module.runtime.internal_addresses[\"catalog\"]",
        "key_vault            = \"shop-prod\"", "variable \"admin_ssh_public_key\"")
        .doesNotContain("internal_addresses[\"orders\"]");
    assertThat(module).contains("for_each            = local.called",
        "load_balancer_backend_address_pool_ids       = each.value.called ? [azurerm_lb_backend_address_pool.internal[each.key].id] : []");
    assertThat(file(all, "infra/modules/identity/main.tf")).contains("output \"ids\"");
    assertThat(file(all, "infra/modules/dns/main.tf")).contains("resource \"azurerm_private_dns_a_record\" \"this\"");
    assertThat(file(all, USER_DATA)).contains("secret=shop--orders", "select(.name == \"key-vault\")");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(new DescriptorsMatchInfrastructure().validate(all)).isEmpty();
  }

  /** Under dataResidency each cell's production root runs its own groups from its own folder of user data. */
  @Test
  void everyCellOfTheResidencySampleRunsItsOwnGroupsOnGcpAndAzure(@TempDir Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String cloud : List.of("gcp", "azure")) {
      List<Artifact> all = InfraSamplesTest.render("clinic-residency.yaml", cloud, VM);
      var cells = Facts.of(AsyncApiPlans.variant("clinic-residency.yaml", AsyncApiPlans.sampleText(
          "clinic-residency.yaml"), cloud, cloud, VM).plan()).plan().cells().cells();
      assertThat(cells).hasSizeGreaterThan(1);
      for (var cell : cells) {
        String root = file(all, "infra/envs/prod-" + cell.jurisdiction() + "/main.tf");
        assertThat(root).as(cloud + " " + cell.jurisdiction()).contains("../../modules/runtime-vm",
            "user_data", "/deploy/vm/prod-" + cell.jurisdiction() + "\"");
        assertThat(all).extracting(Artifact::path).contains("deploy/vm/prod-" + cell.jurisdiction()
            + "/patients.cloud-init.yaml");
      }
      assertThat(InfraSamplesTest.check(all)).as(cloud).isEmpty();
      assertThat(new DescriptorsMatchInfrastructure().validate(all)).as(cloud).isEmpty();
      for (Artifact a : all) {
        if (a.path().endsWith(".tf")) {
          Path f = dir.resolve(cloud).resolve(a.path());
          Files.createDirectories(f.getParent());
          Files.writeString(f, a.content());
          files.add(f);
        }
      }
    }
    Hcl2Json.Report report = Hcl2Json.parse(files);
    assertThat(report.failed()).isEmpty();
    assertThat(report.files()).filteredOn(f -> f.file().endsWith("runtime-vm/main.tf")).hasSize(2)
        .allSatisfy(f -> assertThat(f.resources()).isNotEmpty());
    assertThat(report.files()).filteredOn(f -> f.file().matches(".*envs/prod-[a-z]+/main\\.tf"))
        .allSatisfy(f -> assertThat(f.modules()).contains("runtime", "identity", "dns"));
  }

  /** endpoints-have-infrastructure: a callee without its internal load balancer's name, a secret no root creates. */
  @Test
  void aUserDataHostOrSecretThatNoRootCreatesFailsTheRun() {
    List<Artifact> gcp = InfraSamplesTest.render("ecommerce.yaml", "gcp", VM);
    assertThat(file(gcp, USER_DATA)).contains("=catalog.internal.example:8080", "secret=shop--orders");
    assertThat(new EndpointsHaveInfrastructure().validate(edit(gcp, "infra/envs/prod/main.tf", t -> t.replace(
        "    \"catalog\" = { type = \"A\", value = module.runtime.internal_addresses[\"catalog\"] }\n", ""))))
        .extracting(Finding::message).contains("user data sets CATALOG_ADDRESS to catalog.internal.example, which "
            + "infra/envs/prod/main.tf does not create (no record catalog in the dns module's zone internal.example)");
    assertThat(new EndpointsHaveInfrastructure().validate(edit(gcp, USER_DATA, t -> t.replace("secret=shop--orders",
        "secret=shop--order")))).extracting(Finding::message).contains("user data reads the secret entry shop--order, "
            + "which infra/envs/staging/main.tf does not create");

    List<Artifact> azure = InfraSamplesTest.render("ecommerce.yaml", "azure", VM);
    assertThat(new EndpointsHaveInfrastructure().validate(edit(azure, "infra/envs/dev/main.tf", t -> t.replace(
        "    \"catalog\" = module.runtime.internal_addresses[\"catalog\"]\n", "")))).extracting(Finding::message)
        .contains("user data sets CATALOG_ADDRESS to catalog.internal.example, which infra/envs/dev/main.tf does not "
            + "create (no record catalog in the dns module's zone internal.example)");
  }

  /** descriptors-match-infrastructure: the groups and resource group a deploy job rolls, and the vault the machines read. */
  @Test
  void aDeployJobOrVaultNamingWhatNoRootCreatesFailsTheRun() {
    for (String cloud : List.of("aws", "gcp", "azure")) {
      List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", cloud, VM);
      assertThat(new DescriptorsMatchInfrastructure().validate(all)).as(cloud).isEmpty();
      List<Artifact> noOrders = edit(all, "infra/envs/staging/main.tf", t -> t.replaceAll("(?m)^    \"orders\" = \\{ "
          + "type = .*\\n", ""));
      // an AWS group is named after the root's namespace (shop-staging), the others after the project
      String groups = cloud.equals("aws") ? "shop-staging" : "shop";
      assertThat(new DescriptorsMatchInfrastructure().validate(noOrders)).as(cloud).extracting(Finding::message)
          .anyMatch(m -> m.startsWith("the instance group " + groups + "-orders is not what infra/ creates: the staging"
              + " job rolls it, but module runtime of infra/envs/staging/main.tf creates " + groups + "-catalog"));
    }
    // a job that rolls production's groups in staging's root is caught
    List<Artifact> aws = InfraSamplesTest.render("ecommerce.yaml", "aws", VM);
    assertThat(new DescriptorsMatchInfrastructure().validate(edit(aws, ".github/workflows/deploy.yaml",
        t -> t.replace("NAMESPACE: \"shop-staging\"", "NAMESPACE: \"shop\"")))).extracting(Finding::message)
        .anyMatch(m -> m.startsWith("the instance group shop-orders is not what infra/ creates: the staging job rolls"
            + " it, but module runtime of infra/envs/staging/main.tf creates shop-staging-catalog"));
    List<Artifact> azure = InfraSamplesTest.render("ecommerce.yaml", "azure", VM);
    assertThat(new DescriptorsMatchInfrastructure().validate(edit(azure, ".github/workflows/deploy.yaml",
        t -> t.replace("RESOURCE_GROUP: \"shop-prod\"", "RESOURCE_GROUP: \"shop\"")))).extracting(Finding::message)
        .contains("the resource group shop is not what infra/ creates: the prod job deploys into it, but "
            + "infra/envs/prod/main.tf's resource group is shop-prod");
    assertThat(new DescriptorsMatchInfrastructure().validate(edit(azure, "infra/envs/prod/main.tf",
        t -> t.replace("key_vault            = \"shop-prod\"", "key_vault            = \"shop\"")))).extracting(Finding::message)
        .contains("the Key Vault shop is not what infra/ creates: the scale sets' tag key-vault names it for the user "
            + "data, but module kms's vault is shop-prod");
  }
}
