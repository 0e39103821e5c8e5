package dev.archforge.deliverable.toy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A deliverable added in its own package, with its template folder and one registration line, and
 * nothing else: a blueprint that lists it gets its file, validated, in the manifest and in the
 * workspace README; {@code validate} reads it back and checks it again.
 */
class ToyDeliverableTest {
  @TempDir
  Path tmp;

  private Path blueprint() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("team-blueprint"));
    Files.writeString(dir.resolve("blueprint.yaml"), """
        name: team
        extends: standard
        deliverables: [workspace-docs, decision-records, capacity, architecture, openapi, migrations, toy]
        """);
    return dir;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(Map.of("SOURCE_DATE_EPOCH", "1767225600", "ARCHFORGE_CACHE_DIR", "off"));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void aBlueprintThatListsItGetsItsFileValidatedAndListed() throws IOException {
    Path out = tmp.resolve("out");
    Run generated = run("generate", "samples/minimal.yaml", "--blueprint", blueprint().toString(), "-o", out.toString());

    assertThat(generated.code()).as(generated.err()).isZero();
    Path agent = out.resolve("backend-architect");
    assertThat(agent.resolve(".toy/NOTES.md")).content().isEqualTo("# Notes for notes\n\n- notes\n");
    assertThat(agent.resolve(".archforge/manifest.json")).content().contains("\".toy/NOTES.md\"");
    assertThat(agent.resolve("README.md")).content().contains("| .toy/NOTES.md | the toy deliverable's notes |");
    assertThat(generated.out()).contains("written   .toy/NOTES.md");

    Run valid = run("validate", agent.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
    Files.writeString(agent.resolve(".toy/NOTES.md"), "no heading\n");
    Run invalid = run("validate", agent.toString());
    assertThat(invalid.code()).isEqualTo(3);
    assertThat(invalid.err()).contains(".toy/NOTES.md:1: a notes file starts with '# Notes for' [toy-notes]");
  }

  @Test
  void itsValidatorRunsBeforeAnythingIsWritten() throws IOException {
    Path overlay = Files.createDirectories(tmp.resolve("overlay/toy"));
    Files.writeString(overlay.resolve("NOTES.md.ftl"), "Notes without a heading\n");
    Path out = tmp.resolve("out");
    Run run = run("generate", "samples/minimal.yaml", "--blueprint", blueprint().toString(), "--templates",
        tmp.resolve("overlay").toString(), "-o", out.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains(".toy/NOTES.md:1: a notes file starts with '# Notes for' [toy-notes]");
    assertThat(out).doesNotExist();
  }

  @Test
  void theStandardBlueprintDoesNotListIt() {
    Path out = tmp.resolve("plain");
    Run run = run("generate", "samples/minimal.yaml", "-o", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(out.resolve("backend-architect/.toy")).doesNotExist();
  }
}
