package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.testing.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} after a requirements change names the migration a run would add with each change's
 * code, the destructive ones that would need consent, and the API changes; it writes nothing.
 */
class PlanEvolutionCliTest {
  @TempDir
  Path tmp;

  @Test
  void planListsTheMigrationAndTheApiChangesAndWritesNothing() throws Exception {
    Path out = tmp.resolve("ws");
    assertThat(CliRunner.run("generate", "samples/evolution/library-v1.yaml", "-o", out.toString()).code())
        .isZero();
    var before = FileTree.texts(out);

    CliRunner.Run plan = CliRunner.run("plan", "samples/evolution/library-v2.yaml", "-o", out.toString());

    assertThat(plan.code()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out()).contains("Migrations it would write:").contains("V2__")
        .contains("API changes:").contains("api/");
    assertThat(FileTree.texts(out)).isEqualTo(before);
  }

  @Test
  void aDestructiveChangeIsListedWithItsConsentInsteadOfStoppingThePlan() throws Exception {
    Path out = tmp.resolve("ws");
    assertThat(CliRunner.run("generate", "samples/evolution/library-v1.yaml", "-o", out.toString()).code())
        .isZero();
    Path dropped = tmp.resolve("dropped.yaml");
    // the Loan entity leaves the requirements: its table would be dropped
    Files.writeString(dropped, Files.readString(Path.of("samples/evolution/library-v1.yaml"))
        .replace("entities: [Book, Member, Loan]", "entities: [Book, Member]")
        .replaceAll("(?ms)^  Loan:\\n(    .*\\n|      .*\\n)*", ""));

    CliRunner.Run plan = CliRunner.run("plan", dropped.toString(), "-o", out.toString());

    assertThat(plan.code()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out()).contains("(needs --allow-destructive)");
    CliRunner.Run generate = CliRunner.run("generate", dropped.toString(), "-o", out.toString());
    assertThat(generate.code()).isEqualTo(4);
  }
}
