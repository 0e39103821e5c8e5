package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.OtherAgents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real folders of fake other agents beside ours under a workspaces root. */
class OtherAgentsReaderTest {
  @TempDir
  Path root;

  @Test
  void readsEveryOtherAgentsTextFilesAndLastStateButNotOursHiddenOrDependencies() throws IOException {
    write("backend-architect/CONTEXT.md", "ours\n");
    write(".archforge.lock", "");
    write(".git/config", "[core]\n");
    write("frontend/PROGRESS.md", "# Progress\n\n## 2026-11-30 — scaffold\n\nold\n\n## 2026-12-01 — checkout page\n\n"
        + "Wired the cart to GET /carts/{cartId}.\nMore.\n");
    write("frontend/src/api.ts", "fetch('/carts/1')\n");
    write("frontend/.env", "API_TOKEN=secret\n");
    write("frontend/node_modules/lib/index.js", "module.exports = 1;\n");
    write("frontend/.cache/x.txt", "cached\n");
    Files.write(root.resolve("frontend/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
    Files.write(root.resolve("frontend/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    write("qa/plan.md", "Test the carts service.\n");

    OtherAgents others = OtherAgentsReader.read(root, "backend-architect");

    assertThat(others.agents()).extracting(OtherAgents.Agent::name).containsExactly("frontend", "qa");
    OtherAgents.Agent frontend = others.agents().get(0);
    assertThat(frontend.lastState()).isEqualTo("2026-12-01 — checkout page: Wired the cart to GET /carts/{cartId}.");
    assertThat(frontend.files()).extracting(OtherAgents.AgentFile::path)
        .containsExactly("frontend/PROGRESS.md", "frontend/src/api.ts");
    assertThat(frontend.omitted()).isEqualTo(2);
    assertThat(others.agents().get(1).lastState()).isEqualTo("no PROGRESS.md");
  }

  @Test
  void aLinkIsNotFollowedOutOfTheRoot(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.txt"), "carts\n");
    Files.createDirectories(root.resolve("frontend"));
    Files.createSymbolicLink(root.resolve("frontend/link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("frontend/dir"), outside);
    Files.createSymbolicLink(root.resolve("mobile"), outside);

    OtherAgents others = OtherAgentsReader.read(root, "backend-architect");

    assertThat(others.agents()).extracting(OtherAgents.Agent::name).containsExactly("frontend");
    assertThat(others.agents().get(0).files()).isEmpty();
  }

  @Test
  void tooLargeFilesAndFilesBeyondTheLimitAreCountedNotRead() throws IOException {
    write("data/big.json", "x".repeat(OtherAgentsReader.MAX_FILE_BYTES + 1));
    for (int i = 0; i < OtherAgentsReader.MAX_FILES_PER_AGENT + 3; i++) {
      write("data/f/%05d.txt".formatted(i), "a\n");
    }

    OtherAgents.Agent data = OtherAgentsReader.read(root, "backend-architect").agents().get(0);

    assertThat(data.files()).hasSize(OtherAgentsReader.MAX_FILES_PER_AGENT);
    assertThat(data.omitted()).isEqualTo(4);
  }

  @Test
  void noRootOrNoOtherFoldersIsNoAgents() throws IOException {
    assertThat(OtherAgentsReader.read(root.resolve("missing"), "backend-architect").agents()).isEmpty();
    write("backend-architect/PROGRESS.md", "## x\n");
    assertThat(OtherAgentsReader.read(root, "backend-architect").agents()).isEmpty();
  }

  @Test
  void theFingerprintFollowsWhatIsRead() throws IOException {
    write("qa/plan.md", "one\n");
    String before = OtherAgentsReader.fingerprint(root, "backend-architect");
    write("qa/node_modules/x.js", "ignored\n");
    assertThat(OtherAgentsReader.fingerprint(root, "backend-architect")).isEqualTo(before);
    write("qa/plan.md", "two\n");
    assertThat(OtherAgentsReader.fingerprint(root, "backend-architect")).isNotEqualTo(before);
  }

  @Test
  void theLastStateOfAProgressWithoutDatedEntriesIsItsLastLine() {
    assertThat(OtherAgentsReader.lastState("# Work log\n\nstarted\nhalf done\n")).isEqualTo("half done");
    assertThat(OtherAgentsReader.lastState("# Work log\n")).isEqualTo("PROGRESS.md has no entries");
    assertThat(OtherAgentsReader.lastState("## 2026-12-02 — done\n")).isEqualTo("2026-12-02 — done");
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
