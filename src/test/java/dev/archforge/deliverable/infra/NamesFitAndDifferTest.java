package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.edited;
import static dev.archforge.deliverable.infra.BackupsReachRecoveryRegionTest.file;
import static dev.archforge.deliverable.infra.InfraSamplesTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule names-fit-and-differ: the names the roots give IAM roles, Google service accounts and workload
 * identity pools, Azure Key Vaults and container registries are ones the cloud takes, and those unique
 * beyond a root (the AWS account, all of Azure, a pool id kept 30 days) come from one root alone.
 */
class NamesFitAndDifferTest {
  private static final NamesFitAndDiffer RULE = new NamesFitAndDiffer();
  private static final String DEV = "infra/envs/dev/main.tf";

  private static List<String> names(List<Artifact> all, String type, String root) {
    return NamesFitAndDiffer.names(all).stream().filter(n -> n.kind().type().equals(type)
        && n.root().equals("infra/envs/" + root + "/main.tf")).map(NamesFitAndDiffer.Named::name).toList();
  }

  @Test
  void everyAwsRootEndsItsRoleNamesInItsOwnNameButProd() {
    for (String runtime : List.of("kubernetes", "managed-containers", "vm", "serverless")) {
      List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("deployment", runtime));
      assertThat(RULE.validate(all)).as(runtime).isEmpty();
      assertThat(names(all, "aws_iam_role", "prod")).as(runtime).contains("shop-prod-ci-deploy");
      assertThat(names(all, "aws_iam_role", "dev")).as(runtime).contains("shop-dev-ci-deploy").doesNotContain("shop-secrets");
      // the secret store's role exists where the External Secrets Operator runs: on Kubernetes alone
      boolean store = runtime.equals("kubernetes");
      assertThat(names(all, "aws_iam_role", "prod").contains("shop-secrets")).as(runtime).isEqualTo(store);
      assertThat(names(all, "aws_iam_role", "dev").contains("shop-secrets-dev")).as(runtime).isEqualTo(store);
    }
    List<Artifact> ecs = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    assertThat(names(ecs, "aws_iam_role", "staging")).contains("shop-shop-task-staging", "shop-shop-execution-staging");
    List<Artifact> cells = render("clinic-residency.yaml", "aws", Map.of());
    assertThat(RULE.validate(cells)).isEmpty();
    assertThat(names(cells, "aws_iam_role", "prod-eu")).contains("clinic-secrets-prod-eu");
  }

  @Test
  void aRoleTwoRootsShareOrOneTheCloudRefusesFails() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of());
    List<Finding> shared = RULE.validate(edited(all, DEV, "(?m)^  name_suffix += \"-dev\"\n", ""));
    assertThat(shared).extracting(Finding::path).containsOnly("infra/envs/prod/main.tf");
    assertThat(shared).extracting(Finding::message).anySatisfy(m -> assertThat(m).isEqualTo("module \"identity\" names"
        + " aws_iam_role.secret_store shop-secrets, as infra/envs/dev/main.tf does: IAM role names: up to 64 letters,"
        + " digits and +=,.@_-, unique in the AWS account"));
    String long64 = "-" + "x".repeat(60);
    assertThat(RULE.validate(edited(all, DEV, "name_suffix += \"-dev\"", "name_suffix = \"" + long64 + "\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"identity\" names"
            + " aws_iam_role.secret_store shop-secrets" + long64 + " (73 characters), which the cloud refuses"));
  }

  @Test
  void googlePoolsDifferAndAccountIdsFit() {
    List<Artifact> all = render("saas-projects.yaml", "gcp", Map.of());
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(names(all, "google_iam_workload_identity_pool", "dev")).containsExactly("taskhub-dev-1");
    assertThat(names(all, "google_service_account", "prod")).isNotEmpty()
        .allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(30));
    List<Artifact> shared = all;
    for (String root : List.of("dev", "staging")) {
      shared = edited(shared, "infra/envs/" + root + "/main.tf", "pool_id += \"[^\"]+\"", "pool_id = \"github\"");
    }
    assertThat(RULE.validate(shared)).singleElement().extracting(Finding::message).asString()
        .isEqualTo("module \"ci_identity\" names google_iam_workload_identity_pool.github github, as"
            + " infra/envs/dev/main.tf does: workload identity pool ids: 4 to 32 lowercase letters, digits and"
            + " hyphens, not from gcp-; a destroyed pool's id stays taken for 30 days");
    assertThat(RULE.validate(edited(all, DEV, "account_ids += \\{ push = \"[^\"]+\"", "account_ids = { push = \"9push\"")))
        .singleElement().extracting(Finding::message).asString().startsWith("module \"ci_identity\" names"
            + " google_service_account.ci 9push (5 characters), which the cloud refuses");
  }

  @Test
  void azureVaultsAndRegistriesAreUniqueInAzure() {
    List<Artifact> all = render("ecommerce.yaml", "azure", Map.of());
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(names(all, "azurerm_key_vault", "prod")).contains("shop-prod");
    assertThat(names(all, "azurerm_container_registry", "dev")).containsExactly("shopdev");
    String module = file(all, DEV).contains("module \"kms\"") ? DEV : "";
    assertThat(RULE.validate(edited(all, module, "(module \"kms\" \\{\n[^}]*?name += )\"shop-dev\"", "$1\"shop-prod\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"kms\" names"
            + " azurerm_key_vault.this shop-prod, as infra/envs/dev/main.tf does"));
    assertThat(RULE.validate(edited(all, module, "(module \"kms\" \\{\n[^}]*?name += )\"shop-dev\"", "$1\"shop--dev\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"kms\" names"
            + " azurerm_key_vault.this shop--dev (9 characters), which the cloud refuses"));
  }

  @Test
  void awsLoadBalancersAndTargetGroupsEndInTheRootButProdAndFitTheirLimit() {
    for (String runtime : List.of("managed-containers", "vm")) {
      List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("deployment", runtime));
      assertThat(RULE.validate(all)).as(runtime).isEmpty();
      assertThat(names(all, "aws_lb", "prod")).as(runtime).contains("shop-public");
      assertThat(names(all, "aws_lb", "dev")).as(runtime).contains("shop-public-dev").doesNotContain("shop-public");
      assertThat(names(all, "aws_lb_target_group", "staging")).as(runtime).contains("shop-staging");
      assertThat(names(all, "aws_lb_target_group", "prod")).as(runtime).contains("shop");
      List<Finding> shared = RULE.validate(edited(all, DEV, "\"shop-public-dev\"", "\"shop-public\""));
      assertThat(shared).as(runtime).singleElement().extracting(Finding::message).asString()
          .matches("module \"runtime\" names aws_lb\\.(this|public) shop-public, as infra/envs/dev/main.tf does: load balancer"
              + " names: up to 32 letters, digits and hyphens, not from or to a hyphen nor from internal-, unique in the"
              + " AWS account and region");
      assertThat(RULE.validate(edited(all, DEV, "\"shop\" = \"shop-dev\"", "\"shop\" = \"shop-dev-\"")))
          .as(runtime).singleElement().extracting(Finding::message).asString().containsPattern("^module \"runtime\" names"
              + " aws_lb_target_group\\.(this|public)\\[\"shop\"] shop-dev- \\(9 characters\\), which the cloud refuses");
    }
    List<Artifact> vm = render("ecommerce.yaml", "aws", Map.of("deployment", "vm"));
    assertThat(names(vm, "aws_lb", "dev")).contains("shop-internal-dev");
    assertThat(names(vm, "aws_lb_target_group", "dev")).contains("shop-internal-dev");
    assertThat(RULE.validate(edited(vm, DEV, "\"shop-internal-dev\"", "\"internal-shop-dev\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names"
            + " aws_lb.internal internal-shop-dev (17 characters), which the cloud refuses"));
  }

  @Test
  void aLoadBalancingNameIsCutBeforeTheRootsSuffixSoRootsNeverShareIt() {
    String base = "a-rather-long-project-name-public";
    assertThat(CloudNames.loadBalancing(base, "prod")).isEqualTo("a-rather-long-project-name-publi");
    assertThat(CloudNames.loadBalancing(base, "staging")).isEqualTo("a-rather-long-project-na-staging");
    assertThat(CloudNames.loadBalancing(base, "prod-eu")).isEqualTo("a-rather-long-project-na-prod-eu")
        .hasSizeLessThanOrEqualTo(32);
    assertThat(CloudNames.loadBalancing("a-rather-long-project-name-x-public", "dev")).doesNotContain("--");
  }

  @Test
  void databaseAndCacheIdentifiersDifferPerRoot() {
    List<Artifact> all = render("ecommerce.yaml", "aws", Map.of());
    assertThat(names(all, "aws_db_instance", "dev")).contains("shop-dev-shop-db");
    assertThat(names(all, "aws_elasticache_replication_group", "prod")).contains("shop-prod-redis");
    assertThat(RULE.validate(edited(all, DEV, "\"shop-dev-shop-db\"", "\"shop-prod-shop-db\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"database_shop\" names"
            + " aws_db_instance.primary shop-prod-shop-db, as infra/envs/dev/main.tf does: DB instance identifiers"));
    assertThat(RULE.validate(edited(all, DEV, "-redis\"", "--redis\""))).extracting(Finding::message).anySatisfy(m -> assertThat(m)
        .startsWith("module \"cache\" names aws_elasticache_replication_group.this shop-dev--redis (15 characters),"
            + " which the cloud refuses"));
  }

  @Test
  void eachAwsRootHasItsOwnEcsOrEksClusterAndTheDeployRollsIt() {
    List<Artifact> ecs = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    assertThat(names(ecs, "aws_ecs_cluster", "prod")).containsExactly("shop");
    assertThat(names(ecs, "aws_ecs_cluster", "staging")).containsExactly("shop-staging");
    assertThat(file(ecs, "infra/envs/dev/main.tf")).contains("  cluster           = \"shop-dev\"\n");
    String deploy = file(ecs, ".github/workflows/deploy.yaml");
    assertThat(deploy).contains("CLUSTER: \"shop-dev\"\n").contains("CLUSTER: \"shop-staging\"\n")
        .contains("CLUSTER: \"shop\"\n");
    assertThat(RULE.validate(edited(ecs, DEV, "cluster           = \"shop-dev\"", "cluster           = \"shop\"")))
        .singleElement().extracting(Finding::message).asString().isEqualTo("module \"runtime\" names"
            + " aws_ecs_cluster.this shop, as infra/envs/dev/main.tf does: ECS cluster names: up to 255 letters, digits,"
            + " hyphens and underscores, unique in the AWS account and region");
    assertThat(RULE.validate(edited(ecs, DEV, "cluster           = \"shop-dev\"", "cluster           = \"shop.dev\"")))
        .singleElement().extracting(Finding::message).asString().startsWith("module \"runtime\" names"
            + " aws_ecs_cluster.this shop.dev (8 characters), which the cloud refuses");
    DescriptorsMatchInfrastructure descriptors = new DescriptorsMatchInfrastructure();
    assertThat(descriptors.validate(ecs)).isEmpty();
    assertThat(descriptors.validate(edited(ecs, ".github/workflows/deploy.yaml", "CLUSTER: \"shop-dev\"",
        "CLUSTER: \"shop\""))).singleElement().extracting(Finding::message).asString().contains("names the cluster shop"
            + " as the dev deploy applies it, which infra/envs/dev/main.tf does not create (module runtime's cluster is"
            + " its argument cluster, <project> and the root's name but in prod: shop-dev)");
    List<Artifact> eks = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    assertThat(RULE.validate(eks)).isEmpty();
    assertThat(names(eks, "aws_eks_cluster", "dev")).containsExactly("shop-dev");
  }

  @Test
  void devAndStagingNameTheirRegionalAwsResourcesAfterTheRootAndProductionKeepsItsNames() {
    for (String runtime : List.of("kubernetes", "managed-containers", "vm", "serverless")) {
      List<Artifact> all = render("ecommerce.yaml", "aws", Map.of("deployment", runtime));
      assertThat(RULE.validate(all)).as(runtime).isEmpty();
      assertThat(names(all, "aws_secretsmanager_secret", "prod")).as(runtime).contains("shop/shop");
      assertThat(names(all, "aws_secretsmanager_secret", "dev")).as(runtime).contains("shop-dev/shop")
          .doesNotContain("shop/shop");
      assertThat(names(all, "aws_ecr_repository", "prod")).as(runtime).containsExactly("shop/shop");
      assertThat(names(all, "aws_ecr_repository", "staging")).as(runtime).containsExactly("shop-staging/shop");
      assertThat(names(all, "aws_kms_alias", "dev")).as(runtime).containsExactly("alias/shop-dev");
      assertThat(names(all, "aws_msk_cluster", "prod")).as(runtime).containsExactly("shop-prod-kafka");
    }
    List<Artifact> ecs = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    assertThat(names(ecs, "aws_cloudwatch_log_group", "prod")).containsExactly("/ecs/shop/shop");
    assertThat(names(ecs, "aws_cloudwatch_log_group", "dev")).containsExactly("/ecs/shop-dev/shop");
    List<Artifact> vm = render("ecommerce.yaml", "aws", Map.of("deployment", "vm"));
    assertThat(names(vm, "aws_cloudwatch_log_group", "staging")).containsExactly("/vm/shop-staging/shop");
    assertThat(names(vm, "aws_autoscaling_group", "prod")).containsExactly("shop-shop");
    assertThat(names(vm, "aws_autoscaling_group", "dev")).containsExactly("shop-dev-shop");
    assertThat(names(vm, "aws_launch_template", "dev")).containsExactly("shop-dev-shop");
    assertThat(names(vm, "aws_iam_instance_profile", "dev")).containsExactly("shop-shop-dev");
  }

  @Test
  void aRegionalAwsNameTwoRootsShareInOneRegionOrOneTheCloudRefusesFails() {
    List<Artifact> vm = render("ecommerce.yaml", "aws", Map.of("deployment", "vm"));
    // dev's names as production's: every regional kind that follows the namespace is caught
    List<Artifact> shared = edited(edited(vm, DEV, "(?m)^(  namespace +)= \"shop-dev\"", "$1= \"shop\""), DEV,
        "\"shop-dev/shop\" = \"shop\"", "\"shop/shop\" = \"shop\"");
    assertThat(RULE.validate(shared)).extracting(Finding::message).anySatisfy(m -> assertThat(m).isEqualTo(
        "module \"registry\" names aws_ecr_repository.this shop/shop, as infra/envs/dev/main.tf does: ECR repository"
            + " names: 2 to 256 lowercase letters and digits, parts joined by one of ._- and separated by /, unique in"
            + " the AWS account and region"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"secrets\" names aws_secretsmanager_secret.this shop/shop,"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_cloudwatch_log_group.this /vm/shop/shop,"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_autoscaling_group.this shop-shop,"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_launch_template.this shop-shop,"));
    List<Artifact> ecs = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    assertThat(RULE.validate(edited(ecs, DEV, "(module \"runtime\" \\{\n[^}]*?namespace += )\"shop-dev\"", "$1\"shop\"")))
        .singleElement().extracting(Finding::message).asString().startsWith("module \"runtime\" names"
            + " aws_cloudwatch_log_group.this /ecs/shop/shop, as infra/envs/dev/main.tf does: log group names");
    // what the cloud refuses: an uppercase repository, a colon in a group's or template's name
    assertThat(RULE.validate(edited(vm, DEV, "(?m)^(  namespace +)= \"shop-dev\"", "$1= \"Shop:dev\"")))
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("module \"registry\" names aws_ecr_repository.this[\"shop\"]"
            + " Shop:dev/shop (13 characters), which the cloud refuses"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_autoscaling_group.this[\"shop\"]"
            + " Shop:dev-shop (13 characters), which the cloud refuses"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_launch_template.this[\"shop\"]"
            + " Shop:dev-shop (13 characters), which the cloud refuses"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"runtime\" names aws_cloudwatch_log_group.this[\"shop\"]"
            + " /vm/Shop:dev/shop (17 characters), which the cloud refuses"));
    assertThat(RULE.validate(edited(vm, DEV, "\"shop-dev/shop\" = \"shop\"", "\"shop dev/shop\" = \"shop\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"secrets\" names"
            + " aws_secretsmanager_secret.this[\"shop dev/shop\"] shop dev/shop (13 characters), which the cloud refuses"));
  }

  @Test
  void theSecondRegionKeepsProductionsRegionalNamesInARegionOfItsOwn() {
    List<Artifact> all = render("fintech-ledger.yaml", "aws", Map.of());
    assertThat(RULE.validate(all)).isEmpty();
    assertThat(names(all, "aws_secretsmanager_secret", "prod-warm-standby")).contains("paystream/ledger");
    assertThat(names(all, "aws_secretsmanager_secret", "prod")).contains("paystream/ledger");
    // in production's region the same names collide
    String standby = "infra/envs/prod-warm-standby/main.tf";
    assertThat(RULE.validate(edited(all, standby, "default = \"us-east-2\"", "default = \"us-east-1\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"secrets\" names"
            + " aws_secretsmanager_secret.this paystream/ledger, as infra/envs/prod"));
  }

  @Test
  void azureGlobalNamesOfCachesServersAndNamespacesDifferPerRoot() {
    List<Artifact> all = render("ecommerce.yaml", "azure", Map.of());
    assertThat(names(all, "azurerm_redis_cache", "dev")).containsExactly("shop-dev-redis");
    assertThat(names(all, "azurerm_postgresql_flexible_server", "prod")).contains("shop-prod-shop-db");
    assertThat(names(all, "azurerm_eventhub_namespace", "staging")).containsExactly("shop-staging-kafka");
    List<Artifact> shared = edited(all, DEV, "\\$\\{local\\.name}-(redis|kafka)", "shop-prod-$1");
    assertThat(RULE.validate(edited(shared, DEV, "\"shop-dev-shop-db\"", "\"shop-prod-shop-db\"")))
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("module \"cache\" names azurerm_redis_cache.this shop-prod-redis, as"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"broker\" names azurerm_eventhub_namespace.this"
            + " shop-prod-kafka, as"))
        .anySatisfy(m -> assertThat(m).startsWith("module \"database_shop\" names"
            + " azurerm_postgresql_flexible_server.primary shop-prod-shop-db, as"));
    assertThat(RULE.validate(edited(all, DEV, "\"shop-dev-shop-db\"", "\"Shop-dev-shop-db\"")))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("module \"database_shop\" names"
            + " azurerm_postgresql_flexible_server.primary Shop-dev-shop-db (16 characters), which the cloud refuses"));
  }

  @Test
  void theDeployAndTheOverlaysPutTheRootsNamesInPlaceOfProductions() {
    List<Artifact> ecs = render("ecommerce.yaml", "aws", Map.of("deployment", "managed-containers"));
    String deploy = file(ecs, ".github/workflows/deploy.yaml");
    assertThat(deploy).contains("NAMESPACE: \"shop-dev\"", "NAMESPACE: \"shop-staging\"", "NAMESPACE: \"shop\"",
        "REGISTRY: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/shop-dev\"");
    DescriptorsMatchInfrastructure descriptors = new DescriptorsMatchInfrastructure();
    assertThat(descriptors.validate(ecs)).isEmpty();
    assertThat(descriptors.validate(edited(ecs, ".github/workflows/deploy.yaml", "NAMESPACE: \"shop-dev\"",
        "NAMESPACE: \"shop\""))).singleElement().extracting(Finding::message).asString().contains("names the log group"
            + " /ecs/shop/shop as the dev deploy applies it, which infra/envs/dev/main.tf does not create");
    List<Artifact> eks = render("ecommerce.yaml", "aws", Map.of("deployment", "kubernetes"));
    assertThat(file(eks, "deploy/k8s/overlays/staging/kustomization.yaml")).contains("kind: \"ExternalSecret\"",
        "path: /spec/data/0/remoteRef/key\n        value: \"shop-staging/shop\"");
    assertThat(file(eks, "deploy/k8s/overlays/prod/kustomization.yaml")).doesNotContain("ExternalSecret");
    EndpointsHaveInfrastructure endpoints = new EndpointsHaveInfrastructure();
    assertThat(endpoints.validate(eks)).isEmpty();
    assertThat(endpoints.validate(edited(eks, "deploy/k8s/overlays/staging/kustomization.yaml",
        "value: \"shop-staging/shop\"", "value: \"shop/shop\""))).isNotEmpty().allSatisfy(f -> assertThat(f.message())
            .isEqualTo("ExternalSecret shop reads the secret entry shop/shop, which infra/envs/staging/main.tf does not"
                + " create"));
    // the user data names production's secret entry and log group: the dev job puts dev's in, and rolls dev's groups
    List<Artifact> vm = render("ecommerce.yaml", "aws", Map.of("deployment", "vm"));
    assertThat(file(vm, "deploy/vm/shop.cloud-init.yaml")).contains("--secret-id shop/shop", "\"/vm/shop/shop\"");
    assertThat(file(vm, ".github/workflows/deploy.yaml")).contains("NAMESPACE: \"shop-dev\"",
        "-e \"s#\\(--secret-id \\|/vm/\\)$PROJECT/#\\1$NAMESPACE/#g\"", "--auto-scaling-group-name \"$NAMESPACE-$name\"");
    List<Artifact> sam = render("ecommerce.yaml", "aws", Map.of("deployment", "serverless"));
    assertThat(file(sam, "infra/envs/dev/main.tf")).contains("\"shop-dev-shop\" = \"shop-dev-ShopFunctionRole-\"");
    assertThat(file(sam, ".github/workflows/deploy.yaml")).contains("FunctionName: \\\"\\)$PROJECT\\([/-]\\)");
  }
}
