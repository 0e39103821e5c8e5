package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.write.WriteException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the files or the disk say what happened and what to do (exit code 1, never "a bug
 * in archforge"); an input that cannot be read says why (exit code 2). Tests may run as root, who
 * ignores permissions, so a folder that cannot be made is one under a regular file.
 */
class EnvironmentFailuresCliTest {
  private static final String MINIMAL = "samples/minimal.yaml";
  private static final Map<String, String> NO_CACHE = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH,
      "ARCHFORGE_CACHE_DIR", "off");

  @TempDir
  Path tmp;

  @Test
  void anOutputFolderUnderARegularFileSaysSoAndWhatToDo() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", MINIMAL, "-o", file.resolve("out").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("archforge: cannot lock " + file.resolve("out")).contains("Not a directory",
        "A part of that path is a file, not a folder: move the file away or choose another folder with -o.")
        .doesNotContain("bug");
  }

  @Test
  void aDamagedManifestSaysHowToRecover() throws IOException {
    Path out = tmp.resolve("ws");
    assertThat(CliRunner.run(NO_CACHE, "generate", MINIMAL, "-o", out.toString()).code()).isZero();
    Files.writeString(out.resolve("backend-architect/.archforge/manifest.json"), "garbage");

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", MINIMAL, "-o", out.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(".archforge/manifest.json is not valid JSON",
        "restore it, or delete the .archforge folder", "not a bug in archforge").doesNotContain("This is a bug");
  }

  @Test
  void aRefusedSymbolicLinkSaysWhatToDo() throws IOException {
    Path agent = Files.createDirectories(tmp.resolve("ws/backend-architect"));
    Files.createSymbolicLink(agent.resolve("README.md"), Files.writeString(tmp.resolve("elsewhere.md"), "x"));

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", MINIMAL, "-o", tmp.resolve("ws").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("it is a symbolic link", "Replace the link with the file itself, or remove it")
        .doesNotContain("bug");
  }

  @Test
  void aMissingInputSaysThereIsNoSuchFile() {
    Path missing = tmp.resolve("nope.yaml");

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", missing.toString(), "-o", tmp.resolve("ws").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ":1:1: there is no such file: check the path" + System.lineSeparator());
  }

  @Test
  void aFolderAsInputSaysItIsAFolder() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("requirements"));

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", folder.toString(), "-o", tmp.resolve("ws").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(folder + ":1:1: it is a folder, not a file: name the requirements file in it"
        + System.lineSeparator());
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void inABatchTheFailureIsTheInputsAndNoBug() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    CliRunner.Run run = CliRunner.run(NO_CACHE, "generate", MINIMAL, "samples/ecommerce.yaml", "-o",
        file.resolve("out").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(MINIMAL + ": A part of that path is a file, not a folder").doesNotContain("bug");
  }

  @Test
  void aFullDiskOrAFolderArchforgeMayNotWriteSaysWhatToDo() {
    assertThat(Failures.messages(new WriteException("nothing was changed in ws: cannot write README.md",
        new IOException("No space left on device")), Map.of())).containsExactly(
        "nothing was changed in ws: cannot write README.md",
        "The disk is full: free some space on it, then run again. A run that fails leaves the workspace as it was.");
    assertThat(Failures.messages(new WriteException("nothing was changed in ws: ws/.archforge-staging",
        new AccessDeniedException("ws/.archforge-staging")), Map.of()).get(1))
        .startsWith("archforge may not write there: make the folder writable for this user, or choose another");
  }

  @Test
  void aRealBugIsStillCalledOne() {
    assertThat(Failures.messages(new IllegalStateException("boom"), Map.of())).containsExactly(
        "internal error: java.lang.IllegalStateException: boom",
        "This is a bug in archforge, not in your input; please report it with the command you ran.");
  }
}
