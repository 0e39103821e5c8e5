package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a managed-container descriptor names (identity, resource group, connector, cluster, log
 * group, vault) is what infra/ creates, on each cloud and per cell; each name broken on purpose,
 * on either side, is caught naming both files.
 */
class DescriptorsMatchInfrastructureTest {
  private static final Map<String, String> MANAGED = Map.of("architecture-style", "microservices", "deployment",
      "managed-containers");
  private static final String PROD = "infra/envs/prod/main.tf";

  private static List<Finding> broken(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).as(path + ": " + from).isNotEqualTo(all);
    return new DescriptorsMatchInfrastructure().validate(changed);
  }

  private static List<Finding> only(String path, List<Finding> findings) {
    assertThat(findings).extracting(Finding::path).contains(path);
    return findings.stream().filter(f -> f.path().equals(path)).toList();
  }

  private static void caught(List<Finding> findings, String descriptor, String root, String... words) {
    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.path()).isEqualTo(descriptor);
      assertThat(f.message()).contains("does not create");
      assertThat(f.validator()).isEqualTo(DescriptorsMatchInfrastructure.NAME);
    }).anySatisfy(f -> assertThat(f.message()).contains(root).contains(words));
  }

  @Test
  void everyCloudsDescriptorsNameWhatItsInfrastructureCreates() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      assertThat(new DescriptorsMatchInfrastructure().validate(InfraSamplesTest.render("ecommerce.yaml", cloud,
          MANAGED))).as(cloud).isEmpty();
      assertThat(new DescriptorsMatchInfrastructure().validate(InfraSamplesTest.render("clinic-residency.yaml", cloud,
          Map.of("deployment", "managed-containers")))).as("clinic on " + cloud).isEmpty();
    }
  }

  @Test
  void ecsNamesAreCaught() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "aws", MANAGED);
    String task = "deploy/ecs/orders.task-definition.json";
    caught(broken(all, "deploy/ecs/orders.service.json", "\"cluster\": \"shop\"", "\"cluster\": \"shop-prod\""),
        task, PROD, "cluster shop-prod");
    caught(broken(all, task, "\"awslogs-group\": \"/ecs/shop/orders\"", "\"awslogs-group\": \"/ecs/orders\""), task,
        PROD, "log group /ecs/orders");
    caught(broken(all, task, ":role/shop-orders-task\"", ":role/orders-task\""), task, PROD, "task role orders-task");
    caught(broken(all, task, ":role/shop-orders-execution\"", ":role/orders\""), task, PROD, "execution role");
    // the infrastructure's side: a root that no longer runs orders
    assertThat(broken(all, PROD, "deployables       = [\"catalog\", \"orders\"", "deployables       = [\"catalog\""))
        .extracting(Finding::path).contains(task);
  }

  @Test
  void cloudRunNamesAreCaught() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "gcp", MANAGED);
    String service = "deploy/cloudrun/orders.service.yaml";
    assertThat(InfraSamplesTest.render("ecommerce.yaml", "gcp", MANAGED).stream().filter(a -> a.path().equals(service))
        .findFirst().orElseThrow().content()).contains("serviceAccountName: \"shop-orders@PROJECT_ID.iam.gserviceaccount.com\"",
        "run.googleapis.com/vpc-access-connector: \"shop\"");
    caught(broken(all, service, "serviceAccountName: \"shop-orders@", "serviceAccountName: \"orders@"), service, PROD,
        "service account orders");
    caught(broken(all, service, "vpc-access-connector: \"shop\"", "vpc-access-connector: \"shop-prod\""), service, PROD,
        "VPC connector shop-prod");
    // the infrastructure's side: a root whose connector no descriptor names fails every service
    assertThat(broken(all, PROD, "connector     = \"shop\"", "connector     = \"shop-prod\"")).hasSize(3)
        .allSatisfy(f -> assertThat(f.message()).contains("VPC connector shop,", PROD, "connector: shop-prod"));
  }

  /**
   * A callee's Cloud Run URL names a placeholder for the project's number, which every deploy job puts
   * in (its NUMBER_PLACEHOLDER, in its REGION's URLs); a job that would deploy the placeholder is caught.
   */
  @Test
  void aCalleesUrlIsDeployedWithTheProjectsNumber() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "gcp", MANAGED);
    Artifact caller = all.stream().filter(a -> a.path().startsWith("deploy/cloudrun/")
        && a.content().contains("-PROJECT_NUMBER.")).findFirst().orElseThrow();
    String deploy = ".github/workflows/deploy.yaml";
    assertThat(all).filteredOn(a -> a.path().equals(deploy)).singleElement().satisfies(a -> assertThat(a.content())
        .contains("NUMBER_PLACEHOLDER: \"PROJECT_NUMBER\"", "gcloud projects describe \"$GCP_PROJECT\"",
            "-e \"s#-$NUMBER_PLACEHOLDER\\.$DESCRIPTORS_REGION\\.run\\.app#-$number.$REGION.run.app#g\""));
    assertThat(new DescriptorsMatchInfrastructure().validate(all)).isEmpty();
    caught(only(caller.path(), broken(all, deploy, "NUMBER_PLACEHOLDER: \"PROJECT_NUMBER\"", "NUMBER_PLACEHOLDER: \"NUMBER\"")),
        caller.path(), "infra/envs/dev/main.tf", "project number PROJECT_NUMBER in", "_ADDRESS as the dev deploy",
        "so the placeholder is deployed");
  }

  @Test
  void containerAppsNamesAreCaught() {
    List<Artifact> all = InfraSamplesTest.render("ecommerce.yaml", "azure", MANAGED);
    String app = "deploy/containerapps/orders.containerapp.yaml";
    caught(broken(all, app, "/resourceGroups/shop-prod/providers/Microsoft.App/", "/resourceGroups/shop/providers/"
        + "Microsoft.App/"), app, PROD, "resource group shop");
    caught(broken(all, app, "managedEnvironments/shop", "managedEnvironments/shop-env"), app, PROD,
        "environment shop-env");
    caught(broken(all, app, "userAssignedIdentities/orders", "userAssignedIdentities/order"), app, PROD,
        "managed identity shop-prod/order");
    caught(broken(all, app, "https://shop-prod.vault.azure.net/", "https://shop.vault.azure.net/"), app, PROD,
        "Key Vault shop");
  }

  /**
   * Dev and staging deploy the same descriptors as production, with their own names put in place by
   * the deploy job (the Azure resource group and Key Vault): each root is checked against what its
   * job applies, so a non-production root that creates another name, or a job that does not put the
   * root's name in place, is caught naming that root.
   */
  @Test
  void everyEnvironmentsRootCreatesWhatItsDeployJobApplies() {
    List<Artifact> azure = InfraSamplesTest.render("ecommerce.yaml", "azure", MANAGED);
    String app = "deploy/containerapps/orders.containerapp.yaml";
    String deploy = ".github/workflows/deploy.yaml";
    assertThat(azure).filteredOn(a -> a.path().equals(deploy)).singleElement().satisfies(a -> assertThat(a.content())
        .contains("KEY_VAULT: \"shop-dev\"", "KEY_VAULT: \"shop-staging\"", "KEY_VAULT: \"shop-prod\""));
    String dev = "infra/envs/dev/main.tf";
    caught(only(app, broken(azure, dev, "modules/kms\"\n  name                = \"shop-dev\"",
        "modules/kms\"\n  name                = \"shop-devkv\"")), app, dev,
        "Key Vault shop-dev as the dev deploy applies it", "module kms's vault: shop-devkv");
    caught(only(app, broken(azure, deploy, "KEY_VAULT: \"shop-staging\"", "KEY_VAULT: \"shop-prod\"")), app,
        "infra/envs/staging/main.tf", "Key Vault shop-prod as the staging deploy applies it");
    caught(only(app, broken(azure, deploy, "RESOURCE_GROUP: \"shop-dev\"", "RESOURCE_GROUP: \"shop-prod\"")), app, dev,
        "resource group shop-prod as the dev deploy applies it");

    List<Artifact> gcp = InfraSamplesTest.render("ecommerce.yaml", "gcp", MANAGED);
    String staging = "infra/envs/staging/main.tf";
    assertThat(broken(gcp, staging, "connector     = \"shop\"", "connector     = \"shop-staging\"")).hasSize(3)
        .allSatisfy(f -> assertThat(f.message()).contains("VPC connector shop as the staging deploy applies it",
            staging));

    List<Artifact> aws = InfraSamplesTest.render("ecommerce.yaml", "aws", MANAGED);
    String task = "deploy/ecs/orders.task-definition.json";
    caught(only(task, broken(aws, deploy, "CLUSTER: \"shop-dev\"", "CLUSTER: \"shop\"")), task, dev,
        "cluster shop as the dev deploy applies it");
  }

  /**
   * Functions off AWS are Cloud Run services or Container Apps: every root creates the connector or
   * environment their descriptors name (the managed-containers runtime module), and the rule holds
   * them to it.
   */
  @Test
  void functionsOffAwsRunInWhatTheirInfrastructureCreates() {
    Map<String, String> serverless = Map.of("architecture-style", "serverless", "deployment", "serverless");
    List<Artifact> gcp = InfraSamplesTest.render("ecommerce.yaml", "gcp", serverless);
    List<Artifact> azure = InfraSamplesTest.render("ecommerce.yaml", "azure", serverless);
    for (List<Artifact> all : List.of(gcp, azure)) {
      assertThat(all).extracting(Artifact::path).contains("infra/modules/runtime-managed-containers/main.tf");
      assertThat(new DescriptorsMatchInfrastructure().validate(all)).isEmpty();
    }
    String service = "deploy/cloudrun/orders.service.yaml";
    String staging = "infra/envs/staging/main.tf";
    caught(only(service, broken(gcp, staging, "connector     = \"shop\"", "connector     = \"shop-fn\"")), service,
        staging, "VPC connector shop as the staging deploy applies it");
    String app = "deploy/containerapps/orders.containerapp.yaml";
    caught(broken(azure, app, "managedEnvironments/shop\"", "managedEnvironments/shop-functions\""), app, PROD,
        "Container Apps environment shop-functions");
  }

  /**
   * The SecretStore each Kubernetes overlay deploys reads its own root's secret manager: on Azure
   * the environment's (or cell's) Key Vault, which the overlay patches in; on AWS Secrets Manager in
   * the root's region through the role infra creates; on GCP the service account infra creates.
   */
  @Test
  void eachOverlaysSecretStoreReadsWhatItsRootCreates() {
    Map<String, String> kubernetes = Map.of("architecture-style", "microservices", "deployment", "kubernetes");
    for (String cloud : InfraSamplesTest.CLOUDS) {
      assertThat(new DescriptorsMatchInfrastructure().validate(InfraSamplesTest.render("ecommerce.yaml", cloud,
          kubernetes))).as(cloud).isEmpty();
    }
    List<Artifact> azure = InfraSamplesTest.render("ecommerce.yaml", "azure", kubernetes);
    String dev = "deploy/k8s/overlays/dev/kustomization.yaml";
    String store = "deploy/k8s/base/secretstore.yaml";
    assertThat(azure).filteredOn(a -> a.path().equals(dev)).singleElement().satisfies(a -> assertThat(a.content())
        .contains("path: /spec/provider/azurekv/vaultUrl", "value: \"https://shop-dev.vault.azure.net\""));
    assertThat(azure).filteredOn(a -> a.path().equals(store)).singleElement().satisfies(a -> assertThat(a.content())
        .contains("vaultUrl: \"https://shop-prod.vault.azure.net\""));
    caught(broken(azure, dev, "https://shop-dev.vault", "https://shop.vault"), dev, "infra/envs/dev/main.tf",
        "SecretStore shop-secrets as overlay dev applies it reads the Key Vault https://shop.vault.azure.net");
    // without the overlay's patch, dev would read production's vault
    caught(broken(azure, "deploy/k8s/overlays/staging/kustomization.yaml", "path: /spec/provider/azurekv/vaultUrl",
        "path: /spec/provider/azurekv/other"), store, "infra/envs/staging/main.tf", "Key Vault https://shop-prod");

    List<Artifact> aws = InfraSamplesTest.render("ecommerce.yaml", "aws", kubernetes);
    caught(broken(aws, "infra/envs/staging/main.tf", "default = \"us-east-1\"", "default = \"us-west-2\""), store,
        "infra/envs/staging/main.tf", "Secrets Manager in us-east-1", "the root's region: us-west-2");
    caught(broken(aws, store, ":role/shop-secrets\"", ":role/secrets\""), store, "infra/envs/prod/main.tf",
        "through the role secrets");

    List<Artifact> gcp = InfraSamplesTest.render("ecommerce.yaml", "gcp", kubernetes);
    caught(broken(gcp, store, "\"shop-secrets@PROJECT_ID", "\"shop-store@PROJECT_ID"), store, "infra/envs/dev/main.tf",
        "shop-store@PROJECT_ID");

    List<Artifact> cells = InfraSamplesTest.render("clinic-residency.yaml", "azure", kubernetes);
    assertThat(new DescriptorsMatchInfrastructure().validate(cells)).isEmpty();
    String eu = "deploy/k8s/overlays/prod-eu/kustomization.yaml";
    caught(broken(cells, eu, "https://clinic-prod-eu.vault", "https://clinic-prod-us.vault"), eu,
        "infra/envs/prod-eu/main.tf", "Key Vault https://clinic-prod-us");
  }

  @Test
  void aCellsDescriptorsAreCheckedAgainstTheCellsRoot() {
    List<Artifact> all = InfraSamplesTest.render("clinic-residency.yaml", "azure", Map.of("deployment",
        "managed-containers"));
    String app = all.stream().map(Artifact::path).filter(p -> p.startsWith("deploy/containerapps/prod-eu/")
        && p.endsWith(".yaml")).findFirst().orElseThrow();
    caught(broken(all, app, "/resourceGroups/clinic-prod-eu/", "/resourceGroups/clinic-prod-us/"), app,
        "infra/envs/prod-eu/main.tf", "resource group clinic-prod-us");
  }
}
