package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters of the input (ESC sequences, BEL, NUL, DEL, C1) never reach the terminal nor
 * a generated document: messages and documents write them visibly, {@code \u001b}.
 */
class ControlCharactersCliTest {
  /** C0 but tab, line feed and carriage return; DEL; C1. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]");

  @TempDir
  Path tmp;

  @Test
  void aKeyAndADefaultWithEscapeSequencesAreReportedVisibly() {
    String input = "src/test/resources/control/bad-key-and-default.yaml";

    CliRunner.Run run = CliRunner.run("generate", input, "-o", tmp.resolve("out").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(CONTROL.matcher(run.err()).find()).as(run.err()).isFalse();
    assertThat(run.err()).contains(input + ":5:3: unknown key 'evil\\u001b[2Jkey\\u0007' in 'project'",
        input + ":12:38: 'entities.Note.fields.kind.default' holds the control character U+001B");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void documentsWriteControlCharactersOfDescriptionsVisibly() throws IOException {
    Path out = tmp.resolve("out");

    CliRunner.Run run = CliRunner.run("generate", "src/test/resources/control/descriptions.yaml", "-o", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(CONTROL.matcher(run.out() + run.err()).find()).isFalse();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThan(30);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertThat(CONTROL.matcher(text).find()).as(out.relativize(file) + " holds a control character").isFalse();
    }
    Path agent = out.resolve("backend-architect");
    assertThat(agent.resolve("README.md")).content().startsWith("# Ti\\u001b\\[1mtle\\u0007 — backend architecture");
    assertThat(agent.resolve("CONTEXT.md")).content().contains("Red \\u001b\\[31mALERT\\u0007 and nul \\u0000 end");
    assertThat(agent.resolve("db/notes/migrations/V1__initial_schema.sql")).content()
        .contains("COMMENT ON TABLE note IS 'A note \\u001b]0;title\\u0007 with bell. Entity Note.';");
    JsonNode api = new ObjectMapper(new YAMLFactory()).readTree(agent.resolve("api/notes/openapi.yaml").toFile());
    assertThat(api.at("/info/title").asText()).as("YAML keeps the text, escaped").isEqualTo("Ti\u001b[1mtle\u0007 notes API");
  }
}
