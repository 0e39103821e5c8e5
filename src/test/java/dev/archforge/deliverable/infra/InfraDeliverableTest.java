package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What infra/ creates follows the requirements and decisions: a database per deployable that owns
 * data (and no other), the standby, replicas and backups the decisions chose, the tags; and the
 * coherence rule fails a manifest that names an endpoint or secret no root module creates.
 */
class InfraDeliverableTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final Map<String, String> MICRO = Map.of("architecture-style", "microservices");

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(
        () -> new AssertionError("no " + path)).content();
  }

  private static List<Finding> broken(List<Artifact> all, String path, UnaryOperator<String> change) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), change.apply(a.content()), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return new EndpointsHaveInfrastructure().validate(changed);
  }

  @Test
  void aDatabaseRemovedFromTheRequirementsLeavesTheInfra() {
    List<Artifact> before = InfraSamplesTest.render("ecommerce.yaml", "aws", MICRO);
    String text = AsyncApiPlans.sampleText("ecommerce.yaml")
        .replace("    entities: [StockItem]\n", "")
        .replace("entities: [Order, OrderLine, Customer]", "entities: [Order, OrderLine, Customer, StockItem]");
    List<Artifact> after = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml", text, "aws", "aws", MICRO)
        .plan()), RENDERER);
    for (String env : List.of("dev", "staging", "prod")) {
      String root = "infra/envs/" + env + "/main.tf";
      assertThat(file(before, root)).contains("module \"database_inventory\"", "\"inventory-db\" = module.database_inventory.address",
          "module \"database_orders\"");
      assertThat(file(after, root)).doesNotContain("database_inventory", "inventory-db")
          .contains("module \"database_orders\"", "\"orders-db\" = module.database_orders.address");
    }
    assertThat(file(after, "infra/README.md")).doesNotContain("inventory-db").contains("orders-db.internal.example");
    assertThat(InfraSamplesTest.check(after)).isEmpty();
  }

  /**
   * Every root reads descriptors or user data that deploy/ holds: under dataResidency dev and staging
   * read the home cell's folder, which their deploy jobs apply (deploy/ecs/ itself holds only a README).
   */
  @ParameterizedTest
  @ValueSource(strings = {"managed-containers", "vm"})
  void everyRootReadsAFolderOfDeploy(String deployment) {
    List<Artifact> all = InfraSamplesTest.render("clinic-residency.yaml", "aws", Map.of("deployment", deployment));
    java.util.regex.Pattern read = java.util.regex.Pattern.compile(
        "(?m)^  (?:descriptors|user_data) += \"\\$\\{path\\.root}/\\.\\./\\.\\./\\.\\./(deploy/[^\"]+)\"$");
    List<String> roots = all.stream().map(Artifact::path).filter(p -> p.matches("infra/envs/[^/]+/main\\.tf")).toList();
    assertThat(roots).contains("infra/envs/dev/main.tf", "infra/envs/staging/main.tf", "infra/envs/prod-eu/main.tf");
    for (String root : roots) {
      java.util.regex.Matcher m = read.matcher(file(all, root));
      assertThat(m.find()).as(root + " reads a folder of deploy/").isTrue();
      String folder = m.group(1) + "/";
      assertThat(all).as(root + " reads " + folder).anyMatch(a -> a.path().startsWith(folder)
          && !a.path().substring(folder.length()).contains("/") && !a.path().endsWith("README.md"));
    }
  }

  @Test
  void productionFollowsTheDecisionsAndCapacity() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "aws", Map.of());
    String prod = file(all, "infra/envs/prod/main.tf");
    // ecommerce: backup-dr point-in-time-recovery (standby), scaling with read replicas, regulated data (35 days)
    assertThat(prod).contains("multi_az              = true", "read_replicas         = 1",
        "backup_retention_days = 35", "allocated_storage     = 2910", "cost-centre = \"unassigned\"",
        "environment = \"prod\"");
    String dev = file(all, "infra/envs/dev/main.tf");
    assertThat(dev).contains("multi_az              = false", "read_replicas         = 0",
        "backup_retention_days = 7", "instance_class        = \"db.t4g.medium\"");
    List<Artifact> daily = InfraSamplesTest.render("ecommerce.yaml", "aws",
        Map.of("backup-dr", "daily-backups", "scaling", "horizontal-autoscaling"));
    assertThat(file(daily, "infra/envs/prod/main.tf")).contains("multi_az              = false",
        "read_replicas         = 0", "backup_retention_days = 30");
  }

  @Test
  void aManifestEndpointThatNoInfrastructureCreatesFailsTheRun() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "aws", MICRO);
    assertThat(new EndpointsHaveInfrastructure().validate(all)).isEmpty();
    String configMap = "deploy/k8s/base/orders/configmap.yaml";
    assertThat(broken(all, configMap, t -> t.replace("orders-db.internal.example", "orders-replica.internal.example")))
        .hasSize(3).allSatisfy(f -> {
          assertThat(f.path()).isEqualTo(configMap);
          assertThat(f.message()).contains("DB_HOST", "orders-replica.internal.example", "does not create");
          assertThat(f.validator()).isEqualTo(EndpointsHaveInfrastructure.NAME);
        });
    assertThat(broken(all, "infra/envs/staging/main.tf",
        t -> t.replace("    \"orders-db\" = module.database_orders.address\n", "")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("orders-db.internal.example",
            "infra/envs/staging/main.tf"));
    assertThat(broken(all, "infra/envs/prod/main.tf", t -> t.replace("\"shop/orders\" = \"orders\"", "")))
        .isNotEmpty().allSatisfy(f -> assertThat(f.message()).contains("ExternalSecret", "shop/orders"));
  }

  /**
   * On managed containers the descriptors name the hosts and the secret entries themselves: every
   * root creates each (Cloud Run and Container Apps read one entry per variable, ECS a JSON key of
   * the deployable's entry), and the rule fails a descriptor whose entry or host no root creates.
   */
  @Test
  void managedContainerDescriptorsReadWhatEveryRootCreates() {
    Map<String, String> managed = Map.of("architecture-style", "microservices", "deployment", "managed-containers");
    Map<String, String> folder = Map.of("aws", "deploy/ecs/orders.task-definition.json", "gcp",
        "deploy/cloudrun/orders.service.yaml", "azure", "deploy/containerapps/orders.containerapp.yaml");
    Map<String, String> entry = Map.of("aws", "shop/orders", "gcp", "orders-db-password", "azure", "orders-db-password");
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", cloud, managed);
      String descriptor = folder.get(cloud);
      assertThat(file(all, descriptor)).as(cloud).contains(entry.get(cloud), "orders-db.internal.example");
      // on aws staging's entry is named after the root, which the deploy puts in place of the project's
      String staging = cloud.equals("aws") ? "shop-staging/orders" : entry.get(cloud);
      assertThat(file(all, "infra/envs/staging/main.tf")).as(cloud).contains("\"" + staging + "\" = \"orders\"");
      assertThat(new EndpointsHaveInfrastructure().validate(all)).as(cloud).isEmpty();
      assertThat(broken(all, "infra/envs/staging/main.tf", t -> t.replace("\"" + staging + "\" = \"orders\"", "")))
          .as(cloud).isNotEmpty().allSatisfy(f -> assertThat(f.message()).contains("reads the secret entry "
              + entry.get(cloud), "infra/envs/staging/main.tf"));
      assertThat(broken(all, descriptor, t -> t.replace("orders-db.internal.example", "orders-replica.internal.example")))
          .as(cloud).hasSize(3).allSatisfy(f -> assertThat(f.message()).contains("orders-replica.internal.example",
              "does not create"));
    }
  }

  @Test
  void noCloudChosenWritesOnlyWhatToCreate() {
    List<Artifact> all = InfraSamplesTest.render("minimal.yaml", "any", Map.of());
    assertThat(all).filteredOn(a -> a.path().startsWith("infra/")).extracting(Artifact::path)
        .containsExactly("infra/README.md");
    assertThat(file(all, "infra/README.md")).contains("`project.cloud` is `any`", ".internal.example");
    assertThat(new EndpointsHaveInfrastructure().validate(all)).isEmpty();
  }

  @Test
  void secretNamesAreWhatEachSecretManagerAccepts() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", cloud, MICRO);
      String key = cloud.equals("aws") ? "shop/orders" : "shop--orders";
      assertThat(file(all, "deploy/k8s/base/orders/externalsecret.yaml")).contains("key: \"" + key + "\"");
      assertThat(file(all, "infra/envs/prod/main.tf")).contains("\"" + key + "\" = \"orders\"");
    }
  }

  /** Under dataResidency, production is one root per cell in the cell's own region; dev and staging stay one. */
  @Test
  void eachCellHasItsOwnProductionRootInItsRegion() {
    Map<String, List<String>> regions = Map.of("aws", List.of("eu-west-1", "us-east-1"), "gcp",
        List.of("europe-west1", "us-central1"), "azure", List.of("westeurope", "eastus"));
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = InfraSamplesTest.render("clinic-residency.yaml", cloud, Map.of());
      assertThat(all).as(cloud).extracting(Artifact::path).contains("infra/envs/dev/main.tf",
          "infra/envs/staging/main.tf", "infra/envs/prod-eu/main.tf", "infra/envs/prod-us/main.tf")
          .doesNotContain("infra/envs/prod/main.tf");
      String eu = file(all, "infra/envs/prod-eu/main.tf");
      String us = file(all, "infra/envs/prod-us/main.tf");
      assertThat(eu).as(cloud).contains("default = \"" + regions.get(cloud).get(0) + "\"", "cell        = \"eu\"",
          "\"clinic-prod-eu\"", "environment = \"prod\"").doesNotContain(regions.get(cloud).get(1));
      assertThat(us).as(cloud).contains("default = \"" + regions.get(cloud).get(1) + "\"", "cell        = \"us\"")
          .doesNotContain(regions.get(cloud).get(0));
      assertThat(file(all, "infra/README.md")).contains("| `envs/prod-eu` | eu | " + regions.get(cloud).get(0) + " |");
      assertThat(InfraSamplesTest.check(all)).as(cloud).isEmpty();
    }
  }

  /** managed-containers: the runtime module creates what deploy/'s descriptors name, on each cloud. */
  @Test
  void managedContainersGetThePlatformTheirDescriptorsName() {
    Map<String, String> managed = Map.of("architecture-style", "microservices", "deployment", "managed-containers");
    Map<String, List<String>> expected = Map.of(
        "aws", List.of("resource \"aws_ecs_cluster\" \"this\"", "resource \"aws_ecs_service\" \"this\"",
            "file(format(\"%s/%s.task-definition.json\", var.descriptors, d))", "name              = \"/ecs/${var.namespace}/${each.value}\"",
            "name               = \"${var.project}-${each.value}-execution${var.name_suffix}\"", "resource \"aws_lb_listener_rule\""),
        "gcp", List.of("resource \"google_vpc_access_connector\" \"this\"", "run.googleapis.com"),
        "azure", List.of("resource \"azurerm_container_app_environment\" \"this\"", "name                           = var.environment",
            "role_definition_name = \"AcrPull\""));
    for (String cloud : InfraSamplesTest.CLOUDS) {
      List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", cloud, managed);
      assertThat(file(all, "infra/modules/runtime-managed-containers/main.tf")).as(cloud)
          .contains(expected.get(cloud));
      assertThat(file(all, "infra/envs/prod/main.tf")).as(cloud)
          .contains("source", "../../modules/runtime-managed-containers");
      assertThat(all).extracting(Artifact::path).doesNotContain("infra/modules/runtime-kubernetes/main.tf");
      assertThat(file(all, "infra/README.md")).doesNotContain("writes no runtime module");
      assertThat(InfraSamplesTest.check(all)).as(cloud).isEmpty();
    }
    List<Artifact> aws = InfraSamplesTest.render("ecommerce.yaml", "aws", managed);
    // the task role is the one each task definition names, trusted by ECS tasks
    assertThat(file(aws, "deploy/ecs/orders.task-definition.json")).contains(":role/shop-orders-task\"",
        ":role/shop-orders-execution\"", "\"awslogs-group\": \"/ecs/shop/orders\"");
    assertThat(file(aws, "infra/modules/identity/main.tf")).contains("${var.project}-${each.value}-task",
        "ecs-tasks.amazonaws.com");
    // each service scales between the replica floor and CAPACITY.md's maximum, on the CPU target the HPAs hold
    assertThat(file(aws, "infra/modules/runtime-managed-containers/main.tf")).contains(
        "resource \"aws_appautoscaling_target\" \"this\"", "min_capacity       = each.value.min",
        "predefined_metric_type = \"ECSServiceAverageCPUUtilization\"", "target_value       = var.cpu_target");
    assertThat(file(aws, "infra/envs/prod/main.tf")).contains("cpu_target        = 70",
        "\"orders\" = { min = 2, max = ");
    assertThat(file(aws, "infra/envs/dev/main.tf")).contains("\"orders\" = { min = 1, max = 2 }");
    assertThat(file(aws, "infra/envs/prod/main.tf")).contains("descriptors       = \"${path.root}/../../../deploy/ecs\"")
        .contains("\"orders|/orders\" = { service = \"orders\", path = "
        + "\"/orders\"");
  }

  /**
   * MSK authenticates clients as the authentication decision says, on the port Deployables.kafkaPort
   * names: SASL/SCRAM users from an associated AmazonMSK_ entry (9096), or certificates of the
   * project's private CA (9094).
   */
  @Test
  void mskAuthenticatesClientsAsTheDecisionSays() {
    Map<String, String> kafka = Map.of("messaging", "kafka", "architecture-style", "microservices");
    String scram = file(InfraSamplesTest.render("ecommerce.yaml", "aws", kafka), "infra/modules/broker/main.tf");
    assertThat(scram).contains("scram = true", "name                    = \"AmazonMSK_${var.name}\"",
        "resource \"aws_msk_scram_secret_association\" \"this\"", "from_port   = 9096",
        "bootstrap_brokers_sasl_scram").doesNotContain("aws_acmpca", "tls {");
    String text = AsyncApiPlans.sampleText("ecommerce.yaml").replace("authentication: oidc", "authentication: mtls");
    List<Artifact> mtls = PIPELINE.render(Facts.of(AsyncApiPlans.variant("ecommerce.yaml", text, "aws-mtls", "aws",
        kafka).plan()), RENDERER);
    assertThat(file(mtls, "infra/modules/broker/main.tf")).contains("tls {",
        "certificate_authority_arns = [aws_acmpca_certificate_authority.clients.arn]",
        "resource \"aws_acmpca_certificate_authority_certificate\" \"clients\"", "from_port   = 9094",
        "bootstrap_brokers_tls").doesNotContain("scram", "AmazonMSK_");
    assertThat(file(mtls, "deploy/k8s/base/orders/configmap.yaml")).contains("kafka.internal.example:9094");
    assertThat(InfraSamplesTest.check(mtls)).isEmpty();
  }

  /** vm on AWS: an auto scaling group per deployable from deploy/vm/'s user data, bounded as CAPACITY.md says. */
  @Test
  void virtualMachinesGetAnInstanceGroupPerDeployableFromTheirUserData() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "aws",
        Map.of("architecture-style", "microservices", "deployment", "vm"));
    String module = file(all, "infra/modules/runtime-vm/main.tf");
    assertThat(module).contains("resource \"aws_autoscaling_group\" \"this\"", "resource \"aws_launch_template\" \"this\"",
        "file(format(\"%s/%s.cloud-init.yaml\", var.user_data, each.key))", "name     = \"${var.project}-${each.key}${var.name_suffix}\"",
        "http_tokens                 = \"required\"", "resource \"aws_iam_instance_profile\" \"this\"");
    String prod = file(all, "infra/envs/prod/main.tf");
    var orders = Facts.of(AsyncApiPlans.variant("ecommerce.yaml", AsyncApiPlans.sampleText("ecommerce.yaml"), "aws", "aws",
        Map.of("architecture-style", "microservices", "deployment", "vm")).plan()).deployables().stream()
        .filter(d -> d.name().equals("orders")).findFirst().orElseThrow();
    assertThat(prod).contains("source    = \"../../modules/runtime-vm\"", "\"orders\" = { type = \"t3.small\", min = "
        + orders.sizing().hpaMin() + ", max = " + orders.sizing().hpaMax() + " }", "\"orders\" = module.runtime.internal_address");
    assertThat(file(all, "infra/envs/dev/main.tf")).contains("\"orders\" = { type = \"t3.small\", min = 1, max = ");
    assertThat(file(all, "infra/README.md")).doesNotContain("writes no runtime module");
    assertThat(file(all, "infra/modules/identity/main.tf")).contains("ec2.amazonaws.com");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
  }

  /** vm on AWS: a host of the user data's environment that no root module creates fails the run. */
  @Test
  void aUserDataHostThatNoInfrastructureCreatesFailsTheRun() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "aws",
        Map.of("architecture-style", "microservices", "deployment", "vm"));
    assertThat(file(all, "deploy/vm/orders.cloud-init.yaml")).contains("=catalog.internal.example:8080");
    assertThat(broken(all, "deploy/vm/orders.cloud-init.yaml", t -> t.replace("=catalog.internal.example",
        "=stock.internal.example"))).extracting(Finding::message).contains("user data sets CATALOG_ADDRESS to "
        + "stock.internal.example, which infra/envs/prod/main.tf does not create (no record stock in the dns module's zone "
        + "internal.example)");
  }

  /**
   * A collector sidecar (ECS, Cloud Run) sends with the deployable's identity, which may then write
   * metrics and traces; when Prometheus scrapes instead, no identity gets those rights.
   */
  @Test
  void theIdentityOfACollectorSidecarMayWriteTelemetry() {
    for (String cloud : List.of("aws", "gcp")) {
      List<Artifact> pushed = InfraSamplesTest.render("ecommerce.yaml", cloud,
          Map.of("deployment", "managed-containers", "observability", "opentelemetry"));
      List<Artifact> scraped = InfraSamplesTest.render("ecommerce.yaml", cloud,
          Map.of("deployment", "managed-containers", "observability", "logs-and-metrics"));
      List<String> rights = cloud.equals("aws")
          ? List.of("policy/CloudWatchAgentServerPolicy", "policy/AWSXRayDaemonWriteAccess")
          : List.of("roles/monitoring.metricWriter", "roles/cloudtrace.agent");
      assertThat(file(pushed, "infra/modules/identity/main.tf")).as(cloud).contains(rights);
      assertThat(file(scraped, "infra/modules/identity/main.tf")).as(cloud).doesNotContain(rights.get(0));
      assertThat(InfraSamplesTest.check(pushed)).as(cloud).isEmpty();
    }
  }
}
