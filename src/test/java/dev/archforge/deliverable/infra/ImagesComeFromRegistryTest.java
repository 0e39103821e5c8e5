package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every image a manifest, descriptor, SAM template or user data names is in the registry its root
 * of infra/ creates, the ci workflow pushes there, and the runtime identity may pull from it: on each
 * cloud and runtime, per cell; each broken on purpose (a wrong registry, a push elsewhere, a pull
 * right removed) is caught naming both files.
 */
class ImagesComeFromRegistryTest {
  private static final List<String> RUNTIMES = List.of("kubernetes", "managed-containers", "serverless", "vm");
  private static final String PROD = "infra/envs/prod/main.tf";
  private static final String CI = ".github/workflows/ci.yaml";

  static List<Artifact> render(String cloud, String deployment) {
    return InfraSamplesTest.render("ecommerce.yaml", cloud, Map.of("architecture-style", "microservices",
        "deployment", deployment));
  }

  private static List<Finding> broken(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).as(path + ": " + from).isNotEqualTo(all);
    return new ImagesComeFromRegistry().validate(changed);
  }

  static String content(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  @Test
  void everyRuntimeOnEveryCloudPullsFromTheRegistryItsRootCreatesAndTheWorkflowPushesTo() {
    for (String cloud : InfraSamplesTest.CLOUDS) {
      for (String runtime : RUNTIMES) {
        assertThat(new ImagesComeFromRegistry().validate(render(cloud, runtime))).as(cloud + " " + runtime).isEmpty();
      }
      assertThat(new ImagesComeFromRegistry().validate(InfraSamplesTest.render("clinic-residency.yaml", cloud,
          Map.of("deployment", "managed-containers")))).as("clinic on " + cloud).isEmpty();
      assertThat(new ImagesComeFromRegistry().validate(InfraSamplesTest.render("clinic-residency.yaml", cloud,
          Map.of("deployment", "kubernetes")))).as("clinic on " + cloud + " kubernetes").isEmpty();
    }
  }

  @Test
  void eachCloudsFilesNameItsRegistry() {
    assertThat(content(render("aws", "kubernetes"), "deploy/k8s/base/orders/deployment.yaml"))
        .contains("image: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/orders:0.1.0\"");
    assertThat(content(render("gcp", "managed-containers"), "deploy/cloudrun/orders.service.yaml"))
        .contains("image: \"us-central1-docker.pkg.dev/PROJECT_ID/shop/orders:0.1.0\"");
    List<Artifact> azure = render("azure", "managed-containers");
    assertThat(content(azure, "deploy/containerapps/orders.containerapp.yaml"))
        .contains("image: \"shopprod.azurecr.io/shop/orders:0.1.0\"", "- server: \"shopprod.azurecr.io\"");
    assertThat(content(azure, PROD)).contains("name                = \"shopprod\"");
    assertThat(content(azure, CI)).contains("REGISTRIES: dev=shopdev.azurecr.io/shop staging=shopstaging.azurecr.io/shop"
        + " prod=shopprod.azurecr.io/shop\n");
    assertThat(content(render("aws", "serverless"), "deploy/sam/template.yaml"))
        .contains("ImageUri: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/orders:0.1.0\"");
  }

  @Test
  void aManifestOrDescriptorNamingAnotherRegistryIsCaught() {
    String deployment = "deploy/k8s/base/orders/deployment.yaml";
    assertThat(broken(render("aws", "kubernetes"), deployment, "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/orders",
        "registry.example.com/shop/orders")).singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo(deployment);
          assertThat(f.message()).contains("registry.example.com/shop/orders:0.1.0", PROD,
              "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/orders");
          assertThat(f.validator()).isEqualTo(ImagesComeFromRegistry.NAME);
        });
    String service = "deploy/cloudrun/orders.service.yaml";
    assertThat(broken(render("gcp", "managed-containers"), service, "us-central1-docker.pkg.dev/PROJECT_ID/shop/",
        "europe-west1-docker.pkg.dev/PROJECT_ID/shop/")).extracting(Finding::path).containsExactly(service);
    // a cell's descriptor naming production's registry of another region is not its root's
    List<Artifact> clinic = InfraSamplesTest.render("clinic-residency.yaml", "aws", Map.of("deployment",
        "managed-containers"));
    String task = clinic.stream().map(Artifact::path).filter(p -> p.matches("deploy/ecs/prod-eu/.*task-definition.json"))
        .findFirst().orElseThrow();
    String image = content(clinic, task).replaceFirst("(?s).*\"image\": \"(111122223333[^\"]+)\".*", "$1");
    assertThat(broken(clinic, task, image, image.replaceFirst("\\.dkr\\.ecr\\.[a-z0-9-]+\\.", ".dkr.ecr.us-east-1.")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("infra/envs/prod-eu/main.tf"));
    // the infrastructure's side: the Azure registry renamed in the root
    String app = "deploy/containerapps/orders.containerapp.yaml";
    assertThat(broken(render("azure", "managed-containers"), PROD, "name                = \"shopprod\"",
        "name                = \"shopregistry\"")).extracting(Finding::path).contains(app);
  }

  @Test
  void aWorkflowPushingElsewhereIsCaught() {
    List<Finding> findings = broken(render("aws", "managed-containers"), CI,
        "prod=111122223333.dkr.ecr.us-east-1.amazonaws.com/shop", "prod=ghcr.io/shop");
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(CI);
      assertThat(f.message()).contains("does not push", PROD, "prod=111122223333.dkr.ecr.us-east-1.amazonaws.com/shop");
    });
  }

  @Test
  void aPullRightRemovedIsCaught() {
    removed(render("aws", "managed-containers"), "infra/modules/runtime-managed-containers/main.tf",
        "AmazonECSTaskExecutionRolePolicy", "deploy/ecs/");
    removed(render("aws", "kubernetes"), "infra/modules/runtime-kubernetes/main.tf",
        "AmazonEC2ContainerRegistryReadOnly", "deploy/k8s/");
    removed(render("aws", "vm"), "infra/modules/runtime-vm/main.tf", "AmazonEC2ContainerRegistryReadOnly", "deploy/vm/");
    removed(render("aws", "serverless"), "infra/modules/registry/main.tf", "lambda.amazonaws.com", "deploy/sam/");
    removed(render("gcp", "managed-containers"), "infra/modules/registry/main.tf", "roles/artifactregistry.reader",
        "deploy/cloudrun/");
    removed(render("azure", "kubernetes"), "infra/modules/registry/main.tf", "AcrPull", "deploy/k8s/");
    removed(render("azure", "managed-containers"), "infra/modules/runtime-managed-containers/main.tf", "AcrPull",
        "deploy/containerapps/");
    // functions on azure run in the Container Apps environment of the managed-containers module, which grants the pull
    removed(render("azure", "serverless"), "infra/modules/runtime-managed-containers/main.tf", "AcrPull",
        "deploy/containerapps/");
    removed(render("azure", "vm"), "infra/modules/runtime-vm/main.tf", "AcrPull", "deploy/vm/");
  }

  private static void removed(List<Artifact> all, String module, String grant, String files) {
    assertThat(broken(all, module, grant, "ReadNothing")).as(module + " " + grant).isNotEmpty().allSatisfy(f -> {
      assertThat(f.path()).startsWith(files);
      assertThat(f.message()).contains(module, "no right to pull", grant);
    });
  }
}
