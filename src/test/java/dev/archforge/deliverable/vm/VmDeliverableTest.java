package dev.archforge.deliverable.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.facts.Facts;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.testing.SystemdAnalyze;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deployment: vm renders each deployable's cloud-init user data, which cloud-init's schema accepts,
 * with a hardened Podman service, the ConfigMap's environment, secrets from the cloud's store and
 * CAPACITY.md's bounds; broken user data and a broken unit are rejected.
 */
class VmDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final VmDeliverable DELIVERABLE = new VmDeliverable();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** The e-commerce sample on virtual machines of a cloud. */
  static Plan ecommerce(String cloud) {
    return SamplePlans.deployedOn(Path.of("samples/ecommerce.yaml"), cloud, "vm");
  }

  static List<Artifact> render(Plan plan) {
    return DELIVERABLE.contribute(Facts.of(plan), RENDERER);
  }

  static List<Finding> validate(Artifact artifact) {
    return new CloudInitValidator().validate(artifact);
  }

  static List<Artifact> userData(List<Artifact> artifacts) {
    return artifacts.stream().filter(a -> a.path().endsWith(".cloud-init.yaml")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "gcp", "azure", "any"})
  void eachCloudGetsUserDataPerDeployableThatCloudInitsSchemaAccepts(String cloud) throws IOException {
    Plan plan = ecommerce(cloud);
    List<Artifact> artifacts = render(plan);
    Facts facts = Facts.of(plan);
    assertThat(userData(artifacts)).hasSize(facts.deployables().size());
    for (Artifact a : userData(artifacts)) {
      assertThat(validate(a)).as(a.path()).isEmpty();
      assertThat(a.content()).contains("--read-only", "--security-opt=no-new-privileges", "--cap-drop=all",
          "--user 10001:10001", "--transient-store", "--health-on-failure=kill", "Restart=always");
    }
    assertThat(artifacts).extracting(Artifact::path).contains("deploy/vm/README.md");
  }

  @Test
  void everySampleOnEveryCloudGetsUserDataTheValidatorAccepts() {
    for (Path sample : SamplePlans.samples()) {
      for (String cloud : List.of("aws", "gcp", "azure", "any")) {
        Plan plan = SamplePlans.deployedOn(sample, cloud, "vm");
        List<Artifact> data = userData(render(plan));
        // one set per production root that a job deploys: each cell's, or prod's and backup-dr's second region's
        int cells = plan.cells().residency() ? plan.cells().cells().size()
            : dev.archforge.facts.deploy.SecondRegion.deployed(plan).isPresent() ? 2 : 1;
        assertThat(data).as(sample + " on " + cloud).hasSize(Facts.of(plan).deployables().size() * cells);
        for (Artifact a : data) {
          assertThat(validate(a)).as(a.path()).isEmpty();
        }
      }
    }
  }

  @Test
  void aCalleeIsReachedAtItsInternalLoadBalancerInThePrivateZone() throws IOException {
    String yaml = Files.readString(Path.of("samples/ride-hailing.yaml"))
        + "\ndecisions:\n  deployment: vm\n  architecture-style: microservices\n";
    Plan plan = SamplePlans.plan(new RequirementsLoader().load("ride-hailing.yaml", yaml).requirements().orElseThrow());
    var caller = Facts.of(plan).deployables().stream().filter(d -> !d.calls().isEmpty()).findFirst().orElseThrow();
    String callee = caller.calls().get(0);
    Artifact a = render(plan).stream().filter(x -> x.path().equals("deploy/vm/" + caller.name() + ".cloud-init.yaml"))
        .findFirst().orElseThrow();
    assertThat(a.content()).contains("=" + callee + ".internal.example:8080");
  }

  @Test
  void theUserDataCarriesTheBoundsTheEnvironmentAndSecretReferencesButNoSecretValue() throws IOException {
    Plan plan = ecommerce("aws");
    Facts facts = Facts.of(plan);
    var shop = facts.deployables().stream().filter(d -> !d.secrets().isEmpty()).findFirst().orElseThrow();
    Artifact a = render(plan).stream().filter(x -> x.path().equals("deploy/vm/" + shop.name() + ".cloud-init.yaml"))
        .findFirst().orElseThrow();
    JsonNode tree = YAML.readTree(a.content());
    String env = tree.path("write_files").get(0).path("content").asText();
    for (var s : shop.settings()) {
      assertThat(env).contains(s.key() + "=");
    }
    String script = tree.path("write_files").get(1).path("content").asText();
    assertThat(script).contains("--secret-id " + shop.project() + "/" + shop.name());
    for (String key : shop.secrets()) {
      assertThat(env).doesNotContain(key + "=");
      assertThat(script).contains("\"" + key + "=\"");
    }
    assertThat(a.content()).contains(shop.sizing().hpaMin() + " to " + shop.sizing().hpaMax() + " machines");
  }

  @Test
  void userDataWithoutTheHeaderOrWithAnUnknownModuleKeyIsRejected() throws IOException {
    Artifact good = userData(render(ecommerce("gcp"))).get(0);
    Artifact noHeader = new Artifact(good.path(), good.content().replaceFirst("#cloud-config\n", ""), good.kind());
    assertThat(validate(noHeader)).extracting(Finding::message).anyMatch(m -> m.contains("#cloud-config"));
    Artifact badType = new Artifact(good.path(), good.content().replace("ssh_pwauth: false", "ssh_pwauth: [no]"),
        good.kind());
    assertThat(validate(badType)).isNotEmpty();
  }

  @Test
  void aUnitWithoutExecStartOrWithALineSystemdCannotReadIsRejected() throws IOException {
    Artifact good = userData(render(ecommerce("azure"))).get(0);
    Artifact noExec = new Artifact(good.path(), good.content().replace("ExecStart=", "ExecStartX "), good.kind());
    assertThat(validate(noExec)).extracting(Finding::message)
        .anyMatch(m -> m.contains("no ExecStart="))
        .anyMatch(m -> m.contains("expected Key=value"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "gcp", "azure", "any"})
  void systemdAnalyzeVerifiesEveryUnitTheUserDataWrites(String cloud) throws IOException {
    for (Artifact a : userData(render(ecommerce(cloud)))) {
      for (JsonNode file : YAML.readTree(a.content()).path("write_files")) {
        String path = file.path("path").asText();
        if (path.endsWith(".service")) {
          String unit = path.substring(path.lastIndexOf('/') + 1);
          assertThat(SystemdAnalyze.verify(unit, file.path("content").asText())).as(a.path()).isEmpty();
        }
      }
    }
  }

  @Test
  void systemdAnalyzeReportsAUnitItWouldIgnorePartsOf() throws IOException {
    Artifact a = userData(render(ecommerce("aws"))).get(0);
    String unit = YAML.readTree(a.content()).path("write_files").get(2).path("content").asText()
        .replace("Type=notify", "Type=notifyish");
    assertThat(SystemdAnalyze.verify("broken.service", unit)).contains("notifyish");
  }
}
