package dev.archforge.deliverable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every root keeps its databases' backups for a number of days the cloud takes (Azure's PostgreSQL
 * flexible server 7 to 35, RDS 0 to 35), and rule arguments-in-range catches a root, or a module's
 * resource, that sets a number outside the documented range.
 */
class ArgumentsInRangeTest {
  private static final ArgumentsInRange RULE = new ArgumentsInRange();

  private static List<Artifact> render(String cloud) {
    return Pipeline.standard().render(Facts.of(SamplePlans.deployedOn(Path.of("samples/ecommerce.yaml"), cloud,
        "managed-containers")), new TemplateRenderer(List.of()));
  }

  private static List<Artifact> edited(List<Artifact> all, String path, String from, String to) {
    return BackupsReachRecoveryRegionTest.edited(all, path, java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to));
  }

  @ParameterizedTest
  @CsvSource({"azure, backup_retention_days = 7, backup_retention_days = 1, 7–35",
      "aws, backup_retention_days = 7, backup_retention_days = 36, 0–35"})
  void everyRootKeepsBackupsForDaysItsCloudTakes(String cloud, String written, String broken, String range) {
    List<Artifact> all = render(cloud);
    for (String env : Environments.NAMES) {
      assertThat(all.stream().filter(a -> a.path().equals("infra/envs/" + env + "/main.tf")).findFirst()
          .orElseThrow().content()).containsPattern("backup_retention_days += \\d+");
    }
    assertThat(RULE.validate(all)).isEmpty();
    String dev = "infra/envs/dev/main.tf";
    assertThat(RULE.validate(edited(all, dev, written, broken))).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(dev);
      assertThat(f.line()).isPositive();
      assertThat(f.message()).contains(broken.replace("backup_retention_days", ""), "is outside " + range,
          "modules/database");
    });
  }

  @ParameterizedTest
  @CsvSource({"azure, var.backup_retention_days, 40", "aws, var.backup_retention_days, 90"})
  void aNumberSetOnTheResourceItselfIsCheckedToo(String cloud, String variable, String number) {
    List<Artifact> all = render(cloud);
    assertThat(RULE.validate(edited(all, "infra/modules/database/main.tf", "= " + variable, "= " + number)))
        .isNotEmpty().allSatisfy(f -> assertThat(f.message()).contains("= " + number + " is outside"));
  }

  /** The findings of both forms word for word, at their lines: reading each module once must not change them. */
  @org.junit.jupiter.api.Test
  void findingsNameTheResourceTheNumberReachesAtItsLine() {
    String dev = "infra/envs/dev/main.tf";
    String module = "infra/modules/database/main.tf";
    assertThat(lines(edited(render("azure"), dev, "backup_retention_days = 7", "backup_retention_days = 1")))
        .containsExactly(dev + ":101 module.database_shop.backup_retention_days = 1 (azurerm_postgresql_flexible_server"
            + ".primary.backup_retention_days of modules/database) is outside 7–35, the range azurerm's"
            + " postgresql_flexible_server: \"between 7 and 35 days\"");
    assertThat(lines(edited(render("aws"), dev, "backup_retention_days = 7", "backup_retention_days = 36")))
        .containsExactly(dev + ":87 module.database_shop.backup_retention_days = 36 (aws_db_instance.primary"
            + ".backup_retention_period of modules/database) is outside 0–35, the range aws's db_instance: \"between 0 and 35\"");
    assertThat(lines(edited(render("aws"), module, "= var.backup_retention_days\n", "= 90\n")))
        .containsExactly(module + ":124 aws_db_instance.primary.backup_retention_period = 90 is outside 0–35, the range"
            + " aws's db_instance: \"between 0 and 35\"");
  }

  private static List<String> lines(List<Artifact> all) {
    return RULE.validate(all).stream().map(f -> f.path() + ":" + f.line() + " " + f.message()).toList();
  }
}
