package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} holds the workspace to its manifest both ways: nothing listed is missing, edits are named. */
class ValidateManifestCliTest {
  @TempDir
  Path tmp;

  @Test
  void aListedFileThatIsGoneIsAProblemAndAnEditedOneIsNamed() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(CliRunner.run("generate", "samples/minimal.yaml", "-o", out.toString()).code()).isZero();
    Path agent = out.resolve("backend-architect");
    CliRunner.Run clean = CliRunner.run("validate", agent.toString());
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(clean.out()).doesNotContain("edited");
    // minimal runs on Cloud Run and is scraped: no Prometheus reaches a descriptor, and validate says so
    assertThat(clean.out()).contains("n/a       metrics-reach-prometheus: the cloudrun descriptors have no Prometheus");

    Files.delete(agent.resolve("deploy/docker-compose.yaml"));
    Files.writeString(agent.resolve("CONTEXT.md"), Files.readString(agent.resolve("CONTEXT.md")) + "\nMine.\n");
    CliRunner.Run drifted = CliRunner.run("validate", agent.toString());

    assertThat(drifted.code()).isEqualTo(3);
    assertThat(drifted.err()).contains("deploy/docker-compose.yaml: listed in .archforge/manifest.json but missing");
    assertThat(drifted.out()).contains("edited    CONTEXT.md");
  }
}
