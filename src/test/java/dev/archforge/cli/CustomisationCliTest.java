package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template overlays and user blueprints, and what happens when they are wrong. */
class CustomisationCliTest {
  @TempDir
  Path tmp;

  @Test
  void aTemplateOverlayReplacesOneTemplateAndKeepsTheOthers() throws IOException {
    Path overlay = tmp.resolve("tpl");
    Files.createDirectories(overlay.resolve("docs"));
    Files.writeString(overlay.resolve("docs/README.md.ftl"), "# Our house style for ${model.title}\n");
    Path out = tmp.resolve("ws");

    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", out.toString(), "--templates", overlay.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(out.resolve("backend-architect/README.md")).hasContent("# Our house style for notes");
    assertThat(out.resolve("backend-architect/CONTEXT.md")).content().startsWith("# Context");
  }

  @Test
  void anOverlayThatRendersAnInvalidSpecFailsValidationAndWritesNothing() throws IOException {
    Path overlay = tmp.resolve("tpl");
    Files.createDirectories(overlay.resolve("openapi"));
    Files.writeString(overlay.resolve("openapi/openapi.yaml.ftl"), "openapi: 3.0.3\ninfo: {}\npaths: {}\n");
    Path out = tmp.resolve("ws");

    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", out.toString(), "--templates", overlay.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("failed validation").contains("api/notes/openapi.yaml");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTemplateCannotInstantiateClasses() throws IOException {
    Path overlay = tmp.resolve("tpl");
    Files.createDirectories(overlay.resolve("docs"));
    Files.writeString(overlay.resolve("docs/README.md.ftl"),
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
    Path out = tmp.resolve("ws");

    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", out.toString(), "--templates", overlay.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("docs/README.md.ftl").doesNotContain("uid=");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTemplateThatUsesAnUndefinedValueFailsLoudly() throws IOException {
    Path overlay = tmp.resolve("tpl");
    Files.createDirectories(overlay.resolve("docs"));
    Files.writeString(overlay.resolve("docs/README.md.ftl"), "${model.nothingHere}\n");
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", tmp.resolve("ws").toString(),
        "--templates", overlay.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("nothingHere");
  }

  @Test
  void aUserBlueprintExtendsTheStandardOneAndBringsTemplates() throws IOException {
    Path blueprint = tmp.resolve("acme");
    Files.createDirectories(blueprint.resolve("templates/docs"));
    Files.writeString(blueprint.resolve("blueprint.yaml"), """
        name: acme
        extends: standard
        defaults:
          apiBaseUrl: https://api.acme.test
        """);
    Files.writeString(blueprint.resolve("templates/docs/README.md.ftl"), "Acme workspace\n");
    Path out = tmp.resolve("ws");

    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", out.toString(), "--blueprint", blueprint.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(out.resolve("backend-architect/api/notes/openapi.yaml")).content().contains("https://api.acme.test");
    assertThat(out.resolve("backend-architect/README.md")).hasContent("Acme workspace");
    assertThat(out.resolve("backend-architect/CONTEXT.md")).content().contains("Blueprint: acme");
  }

  @Test
  void aBrokenBlueprintIsBadInputWithItsPosition() throws IOException {
    Path blueprint = tmp.resolve("bad");
    Files.createDirectories(blueprint);
    Files.writeString(blueprint.resolve("blueprint.yaml"), """
        extends: standard
        deliverables: [openapi, wsdl]
        """);
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", tmp.resolve("ws").toString(),
        "--blueprint", blueprint.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("blueprint.yaml:2:25: unknown deliverable 'wsdl'");
  }

  @Test
  void anUnknownBlueprintNameIsBadInput() {
    CliRunner.Run run = CliRunner.run("generate", "samples/minimal.yaml", "-o", tmp.resolve("ws").toString(),
        "--blueprint", "standrd");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no blueprint 'standrd'").contains("did you mean 'standard'?");
  }
}
