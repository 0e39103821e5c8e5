package dev.archforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class TemplateRendererTest {
  /** Texts that break YAML when printed as they are. */
  static final List<String> HOSTILE = List.of(
      "He said \"hi\": # not a comment",
      "line one\nline two\r\nline three",
      "key: value",
      "# only a comment",
      "{{ mustache }} ${dollar} #{hash} [bracket] {brace}",
      "- looks like a list item",
      "yes", "no", "null", "~", "true", "1.5", "0x1F", "1e3", "",
      " leading and trailing ",
      "back\\slash and\ttab",
      "'single' and `tick` and %percent and @at",
      "&anchor *alias !tag | pipe > fold",
      "unicode é ✓ \uD83D\uDE00 and separators \u2028\u2029 next-line \u0085 bom \uFEFF",
      "control \u0001\u001f\u007f");

  /** What a template may read: public, so FreeMarker exposes its accessors. */
  public record Probe(String text, List<String> texts, int count, long big, BigDecimal price, double ratio,
      boolean flag) {}

  @TempDir
  Path overlay;

  private String render(String name, String template, Object model) throws IOException {
    Path file = overlay.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, template);
    return new TemplateRenderer(List.of(overlay)).render(name, model);
  }

  private static Probe probe() {
    return new Probe(String.join(" | ", HOSTILE), HOSTILE, 1234567, 9_007_199_254_740_993L,
        new BigDecimal("1234.50"), 0.25, true);
  }

  private static final String TEMPLATE = """
      description: ${model.text}
      texts:
      <#list model.texts as t>
        - ${t}
      </#list>
      nested:
        inner: ${model.text}
      count: ${model.count}
      big: ${model.big}
      price: ${model.price}
      ratio: ${model.ratio}
      flag: <#if model.flag>true<#else>false</#if>
      """;

  @Test
  void hostileStringsBecomeQuotedScalarsThatReadBackUnchanged() throws IOException {
    String out = render("t/probe.yaml.ftl", TEMPLATE, probe());
    JsonNode tree = new YAMLMapper().readTree(out);
    assertThat(tree.get("description").asText()).isEqualTo(probe().text());
    assertThat(tree.at("/nested/inner").asText()).isEqualTo(probe().text());
    assertThat(tree.get("texts")).hasSize(HOSTILE.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      assertThat(tree.get("texts").get(i).isTextual()).as(HOSTILE.get(i)).isTrue();
      assertThat(tree.get("texts").get(i).asText()).isEqualTo(HOSTILE.get(i));
    }
    Map<String, Object> snake = new Yaml(new SafeConstructor(new LoaderOptions())).load(out);
    assertThat(snake.get("texts")).isEqualTo(HOSTILE);
    assertThat(out.lines()).noneMatch(l -> l.contains("\u2028") || l.contains("\u0085"));
  }

  @Test
  void numbersArePrintedBareInComputerFormAndBooleansAsLiteralText() throws IOException {
    String out = render("t/probe.yaml.ftl", TEMPLATE, probe());
    assertThat(out).contains("count: 1234567\n", "big: 9007199254740993\n", "price: 1234.5\n", "ratio: 0.25\n",
        "flag: true\n");
    JsonNode tree = new YAMLMapper().readTree(out);
    assertThat(tree.get("count").isInt()).isTrue();
    assertThat(tree.get("big").asLong()).isEqualTo(9_007_199_254_740_993L);
    assertThat(tree.get("price").isNumber()).isTrue();
    assertThat(tree.get("price").decimalValue()).isEqualByComparingTo("1234.5");
    assertThat(tree.get("flag").isBoolean()).isTrue();
  }

  @Test
  void aBooleanInterpolatedInYamlIsAQuotedString() throws IOException {
    String out = render("t/flag.yaml.ftl", "flag: ${model.flag?c}\n", probe());
    assertThat(new YAMLMapper().readTree(out).get("flag").isTextual()).isTrue();
  }

  @Test
  void noEscPrintsTextAsItIs() throws IOException {
    String out = render("t/raw.yaml.ftl", "items: ${'[1, 2]'?no_esc}\n", probe());
    assertThat(new YAMLMapper().readTree(out).get("items").isArray()).isTrue();
  }

  @Test
  void newBuiltInIsRefusedInAnOverlayTemplate() {
    assertThatThrownBy(() -> render("evil/new.yaml.ftl",
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n", probe()))
        .isInstanceOf(RenderException.class).hasMessageContaining("evil/new.yaml.ftl");
    assertThatThrownBy(() -> render("evil/object.ftl",
        "<#assign o = \"freemarker.template.utility.ObjectConstructor\"?new()>${o(\"java.io.File\", \"/\")}",
        probe())).isInstanceOf(RenderException.class);
  }

  @Test
  void apiBuiltInIsRefusedInAnOverlayTemplate() {
    assertThatThrownBy(() -> render("evil/api.yaml.ftl", "x: ${model?api.getClass().getName()}\n", probe()))
        .isInstanceOf(RenderException.class).hasMessageContaining("evil/api.yaml.ftl");
  }

  @Test
  void classLoadersAndCodeLocationsAreNotReachable() {
    assertThatThrownBy(() -> render("evil/loader.ftl", "${model.class.classLoader}", probe()))
        .isInstanceOf(RenderException.class);
    assertThatThrownBy(() -> render("evil/domain.ftl", "${model.class.protectionDomain.codeSource.location}",
        probe())).isInstanceOf(RenderException.class);
    assertThatThrownBy(() -> render("evil/forname.ftl", "${model.class.forName(\"java.lang.Runtime\")}",
        probe())).isInstanceOf(RenderException.class);
  }

  @Test
  void undefinedValuesAndMissingTemplatesFail() {
    assertThatThrownBy(() -> render("t/undefined.yaml.ftl", "x: ${model.nothing}\n", probe()))
        .isInstanceOf(RenderException.class);
    assertThatThrownBy(() -> new TemplateRenderer(List.of(overlay)).render("no/such.yaml.ftl", probe()))
        .isInstanceOf(RenderException.class).hasMessageContaining("no/such.yaml.ftl");
  }

  @Test
  void anOverlayReplacesABuiltInTemplateFileByFile() throws IOException {
    String out = render("openapi/openapi.yaml.ftl",
        "<#import \"schema-macros.yaml.ftl\" as s>\nmine: <@s.lit model/>\n", new dev.archforge.facts.api.Literal("from the overlay: yes", true));
    assertThat(new YAMLMapper().readTree(out).get("mine").asText()).isEqualTo("from the overlay: yes");
  }
}
