package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Hcl2Json;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample on every cloud gives OpenTofu that hcl4j and the provider schemas accept in memory,
 * whose endpoints the manifests' names match, and that HashiCorp's own parser
 * ({@code @cdktf/hcl2json}) reads; all the files of all of them in one node process.
 */
class InfraSamplesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  static final List<String> CLOUDS = List.of("aws", "gcp", "azure");

  static List<Artifact> render(String sample, String cloud, Map<String, String> decisions) {
    Plan plan = AsyncApiPlans.variant(sample, AsyncApiPlans.sampleText(sample), cloud, cloud, decisions).plan();
    return PIPELINE.render(Facts.of(plan), RENDERER);
  }

  static List<Finding> check(List<Artifact> all) {
    List<Finding> findings = new ArrayList<>();
    InfraValidator validator = new InfraValidator();
    all.stream().filter(validator::accepts).forEach(a -> findings.addAll(validator.validate(a)));
    findings.addAll(new EndpointsHaveInfrastructure().validate(all));
    return findings;
  }

  @Test
  void everySampleOnEveryCloudIsValidOpenTofu(@TempDir Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path sample : SamplePlans.samples()) {
      for (String cloud : CLOUDS) {
        String name = sample.getFileName().toString();
        List<Artifact> all = render(name, cloud, Map.of());
        List<Artifact> tf = all.stream().filter(a -> a.path().endsWith(".tf")).toList();
        assertThat(tf).as(name + " on " + cloud).extracting(Artifact::path)
            .contains("infra/envs/dev/main.tf", "infra/envs/staging/main.tf",
                name.equals("clinic-residency.yaml") ? "infra/envs/prod-eu/main.tf" : "infra/envs/prod/main.tf",
                "infra/modules/network/main.tf", "infra/modules/kms/main.tf", "infra/modules/secrets/main.tf",
                "infra/modules/identity/main.tf", "infra/modules/registry/main.tf", "infra/modules/dns/main.tf");
        assertThat(check(all)).as(name + " on " + cloud).isEmpty();
        for (Artifact a : tf) {
          Path file = dir.resolve(SamplePlans.name(sample) + "-" + cloud).resolve(a.path());
          Files.createDirectories(file.getParent());
          Files.writeString(file, a.content());
          files.add(file);
        }
      }
    }
    Hcl2Json.Report report = Hcl2Json.parse(files);
    assertThat(report.failed()).isEmpty();
    assertThat(report.files()).filteredOn(f -> f.file().matches(".*envs/prod(-[a-z]+)?/main\\.tf"))
        .allSatisfy(f -> assertThat(f.modules()).contains("network", "kms", "secrets", "dns", "identity"));
  }

  /** Choices the samples do not make: the other SQL engine, stores no cloud manages, other brokers and runtimes. */
  @Test
  void everyOptionOnEveryCloudIsValidOpenTofu(@TempDir Path dir) throws IOException {
    List<Map<String, String>> variants = List.of(
        Map.of("architecture-style", "microservices", "database", "mysql", "messaging", "rabbitmq"),
        Map.of("database", "mongodb", "caching", "none", "messaging", "cloud-pubsub", "deployment", "vm"),
        Map.of("architecture-style", "serverless", "database", "dynamodb", "deployment", "serverless"),
        Map.of("database", "cassandra", "backup-dr", "daily-backups", "scaling", "horizontal-autoscaling"),
        Map.of("architecture-style", "microservices", "deployment", "vm"));
    List<Path> files = new ArrayList<>();
    for (Map<String, String> variant : variants) {
      for (String cloud : CLOUDS) {
        List<Artifact> all = render("ecommerce.yaml", cloud, variant);
        assertThat(check(all)).as(variant + " on " + cloud).isEmpty();
        for (Artifact a : all.stream().filter(a -> a.path().endsWith(".tf")).toList()) {
          Path file = dir.resolve(cloud + "-" + files.size()).resolve(a.path());
          Files.createDirectories(file.getParent());
          Files.writeString(file, a.content());
          files.add(file);
        }
      }
    }
    assertThat(Hcl2Json.parse(files).failed()).isEmpty();
  }

  /**
   * AWS refuses a security group, or a rule of one, whose description has a character outside
   * {@code a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*} (the EC2 API reference, AuthorizeSecurityGroupIngress);
   * the provider schema says only "string", so an apostrophe would fail at apply.
   */
  @Test
  void awsSecurityGroupDescriptionsUseOnlyWhatAwsAccepts() {
    Pattern allowed = Pattern.compile("[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*");
    Pattern description = Pattern.compile("^\\s*description\\s*=\\s*\"([^\"]*)\"", Pattern.MULTILINE);
    List<List<Artifact>> renders = new ArrayList<>();
    SamplePlans.samples().forEach(sample -> renders.add(render(sample.getFileName().toString(), "aws", Map.of())));
    renders.add(render("ecommerce.yaml", "aws", Map.of("architecture-style", "microservices", "deployment", "vm")));
    int checked = 0;
    for (List<Artifact> all : renders) {
      for (Artifact a : all.stream().filter(x -> x.path().endsWith(".tf")).toList()) {
        for (String block : a.content().split("\n(?=resource \")")) {
          if (!block.startsWith("resource \"aws_security_group") && !block.startsWith("resource \"aws_vpc_security_group")) {
            continue;
          }
          Matcher m = description.matcher(block);
          while (m.find()) {
            checked++;
            assertThat(m.group(1)).as(a.path()).matches(allowed);
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }
}
