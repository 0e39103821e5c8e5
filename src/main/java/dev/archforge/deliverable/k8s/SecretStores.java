package dev.archforge.deliverable.k8s;

import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Endpoints;
import dev.archforge.facts.deploy.Registries;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import java.util.List;

/**
 * Where the secrets come from. {@code kubernetes-secrets}: Secrets created out of band (never in
 * these manifests; the README shows the command). {@code cloud-secret-manager} and {@code vault}:
 * the External Secrets Operator syncs them from a SecretStore of the cloud's manager or of Vault.
 */
final class SecretStores {
  private static final String STORE = "SecretStore";
  private static final String ROLE_ARN = "eks.amazonaws.com/role-arn";

  private SecretStores() {}

  /** The External Secrets view of a deployable, or null when secrets are created out of band. */
  static WorkloadView.ExternalSecretView externalSecret(Plan plan, Deployable d) {
    SecretStoreView store = store(plan);
    return store == null ? null : new WorkloadView.ExternalSecretView(store.name(),
        Endpoints.secretKey(plan.requirements().project().cloud(), d));
  }

  /** The SecretStore, or null for {@code kubernetes-secrets}. */
  static SecretStoreView store(Plan plan) {
    String choice = plan.decision("secrets").map(Decision::choice).orElse("kubernetes-secrets");
    String project = plan.requirements().project().name();
    String name = project + "-secrets";
    String account = CloudNames.secretStoreAccount(project);
    return switch (choice) {
      case "vault" -> new SecretStoreView(name, account, "vault", List.of(), "https://vault.example.com:8200",
          "Vault: the Kubernetes auth method with role " + name + ", the KV v2 engine at secret/");
      case "cloud-secret-manager" -> cloud(plan.requirements().project().cloud(), name, account, project,
          plan.cells().primaryRegion().orElse("REGION"));
      default -> null;
    };
  }

  /**
   * What the overlay of {@code environment} (a cell's, when {@code region} is given) replaces in the
   * secret store to read its own root's secret manager: an AWS cell's region and the role of an AWS
   * root other than prod, an environment's or cell's Azure Key Vault (CloudNames); none where the base
   * already names it.
   */
  static List<StorePatch> patch(SecretStoreView store, String project, String environment, String region) {
    if (store == null) {
      return List.of();
    }
    List<StorePatch> patches = new java.util.ArrayList<>();
    switch (store.provider()) {
      case "azure" -> patches.add(new StorePatch(STORE, store.name(), "/spec/provider/azurekv/vaultUrl",
          vaultUrl(project, environment)));
      case "aws" -> {
        if (!region.isEmpty()) {
          patches.add(new StorePatch(STORE, store.name(), "/spec/provider/aws/region", region));
        }
        if (!CloudNames.roleSuffix(environment).isEmpty()) {
          patches.add(new StorePatch("ServiceAccount", store.serviceAccount(), "/metadata/annotations/" + ROLE_ARN.replace("/",
              "~1"), roleArn(project, environment)));
        }
      }
      default -> { }
    }
    return List.copyOf(patches);
  }

  /**
   * What the overlay of {@code environment} replaces in each ExternalSecret to read its own root's
   * entries: on AWS, where dev and staging name theirs after their root (facts/deploy/Endpoints), the
   * key of every value; none where the base already names them.
   */
  static List<StorePatch> keys(Plan plan, String environment) {
    Cloud cloud = plan.requirements().project().cloud();
    List<StorePatch> patches = new java.util.ArrayList<>();
    if (store(plan) == null || cloud != Cloud.AWS) {
      return patches;
    }
    for (Deployable d : dev.archforge.facts.deploy.Deployables.of(plan)) {
      String key = Endpoints.secretKey(cloud, d, environment);
      for (int i = 0; !key.equals(Endpoints.secretKey(cloud, d)) && i < d.secrets().size(); i++) {
        patches.add(new StorePatch("ExternalSecret", d.name(), "/spec/data/" + i + "/remoteRef/key", key));
      }
    }
    return List.copyOf(patches);
  }

  /** The role the secret store of {@code root} reads Secrets Manager as: the identity module's (CloudNames). */
  private static String roleArn(String project, String root) {
    return "arn:aws:iam::" + Registries.AWS_ACCOUNT + ":role/" + CloudNames.awsRole(project, "secrets", root);
  }

  /** The URL of the Key Vault infra/ creates in {@code root}. */
  private static String vaultUrl(String project, String root) {
    return "https://" + CloudNames.keyVault(project, root) + ".vault.azure.net";
  }

  /** @param region the region of the first cell, where the AWS secret store is read */
  private static SecretStoreView cloud(Cloud cloud, String name, String account, String project, String region) {
    return switch (cloud) {
      case GCP -> new SecretStoreView(name, account, "gcp", List.of(new WorkloadView.Entry(
          "iam.gke.io/gcp-service-account", project + "-secrets@" + Registries.GCP_PROJECT + ".iam.gserviceaccount.com")),
          Registries.GCP_PROJECT, "Google Secret Manager through Workload Identity; the deploy puts in the project");
      case AZURE -> new SecretStoreView(name, account, "azure", List.of(new WorkloadView.Entry(
          "azure.workload.identity/client-id", CloudNames.AZURE_CLIENT_ID)),
          vaultUrl(project, CloudNames.productionRoot("")), "Azure Key Vault through Workload Identity; the deploy"
              + " puts in the client id; each overlay reads its own environment's vault");
      default -> new SecretStoreView(name, account, "aws", List.of(new WorkloadView.Entry(ROLE_ARN,
          roleArn(project, CloudNames.productionRoot("")))),
          region, cloud == Cloud.AWS ? "AWS Secrets Manager through IAM roles for service accounts; the deploy"
              + " puts in the account" : "project.cloud is any: AWS Secrets Manager stands in; change the provider to"
              + " your cloud's");
    };
  }
}
