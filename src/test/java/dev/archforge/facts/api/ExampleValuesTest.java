package dev.archforge.facts.api;

import dev.archforge.deliverable.openapi.OpenApiDocs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.archforge.model.IdType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExampleValuesTest {
  @ParameterizedTest(name = "{0} in {1}..{2}")
  @CsvSource(delimiter = ';', value = {
      "^[A-Z]{3}-\\d{4,6}$ ; 0 ; 100",
      "^[a-z][a-z0-9-]{1,39}$ ; 0 ; 40",
      "[0-9]+ ; 5 ; 10",
      "^(foo|bar)baz?$ ; 0 ; 10",
      "^\\w+@\\w+\\.com$ ; 0 ; 50",
      "^[^\\s]{8}$ ; 0 ; 8",
      "^(?:ab){2}x*$ ; 6 ; 10",
      "^\\+?[1-9]\\d{1,14}$ ; 0 ; 16",
      "^[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}$ ; 13 ; 13",
      "abc ; 10 ; 20",
  })
  void patternExamplesMatchAndFit(String regex, int min, int max) {
    Optional<String> example = PatternExample.of(regex, min, max);
    assertThat(example).as(regex).isPresent();
    assertThat(Pattern.compile(regex).matcher(example.get()).find()).as(example.get()).isTrue();
    assertThat(example.get().length()).isBetween(min, max);
  }

  @Test
  void unsupportedOrImpossiblePatternsGiveNoExampleRatherThanAWrongOne() {
    assertThat(PatternExample.of("^(a)\\1$", 0, 10)).isEmpty();
    assertThat(PatternExample.of("^(?=x)x$", 0, 10)).isEmpty();
    assertThat(PatternExample.of("^a{20}$", 0, 10)).isEmpty();
    assertThat(PatternExample.of("[", 0, 10)).isEmpty();
    assertThat(PatternExample.of("^a{1000000000}$", 0, Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void stringsFitTheirLengthsAndFormats() {
    assertThat(example(string("name", null, 1, 4))).isEqualTo("Exam");
    assertThat(example(string("code", null, 30, 40)).length()).isBetween(30, 40);
    assertThat(example(string("email", "email", null, 254))).isEqualTo("jane.doe@example.com");
    assertThat(example(string("email", "email", null, 16))).matches("[a-z.]+x?@example\\.com").hasSize(16);
    assertThat(example(string("homepage", "uri", null, 2048))).isEqualTo("https://example.com/homepage");
    assertThat(example(string("productId", "uuid", null, null))).isEqualTo(ExampleValues.uuid("Product"));
  }

  @Test
  void integersStayWithinTheirBounds() {
    assertThat(integer("-5", "5")).isEqualTo(1);
    assertThat(integer("10", null)).isEqualTo(10);
    assertThat(integer(null, "-3")).isEqualTo(-3);
    assertThat(integer("0.5", "0.9")).isNull();
  }

  @Test
  void decimalsRespectPrecisionScaleAndRange() {
    assertThat(ExampleValues.decimal(12, 2, BigDecimal.ZERO, null, "^\\d{1,10}(\\.\\d{1,2})?$"))
        .map(JsonNode::asText).contains("19.99");
    assertThat(ExampleValues.decimal(5, 3, new BigDecimal("-10.5"), new BigDecimal("10.5"),
        "^-?\\d{1,2}(\\.\\d{1,3})?$")).map(JsonNode::asText).contains("10.500");
    assertThat(ExampleValues.decimal(4, 4, null, null, "^-?0(\\.\\d{1,4})?$")).map(JsonNode::asText)
        .contains("0.9999");
    assertThat(ExampleValues.decimal(3, 0, new BigDecimal("500"), null, "^\\d{1,3}$")).map(JsonNode::asText)
        .contains("500");
    assertThat(ExampleValues.decimal(3, 0, new BigDecimal("5000"), null, "^\\d{1,3}$")).isEmpty();
  }

  @Test
  void idsAreStablePerEntity() {
    assertThat(ExampleValues.id(IdType.UUID, "Product")).isEqualTo(ExampleValues.id(IdType.UUID, "Product"));
    assertThat(ExampleValues.id(IdType.UUID, "Product")).isNotEqualTo(ExampleValues.id(IdType.UUID, "Order"));
    assertThat(ExampleValues.id(IdType.LONG, "Person").asLong()).isBetween(1000L, 9999L);
  }

  @Test
  void aDefaultIsTheExample() {
    JsonNode def = JsonNodeFactory.instance.textNode("draft");
    assertThat(ExampleValues.of(string("status", null, null, null), def)).contains(def);
  }

  @Test
  void literalsQuoteStringsAndEscapeEverythingInsideFlowText() {
    assertThat(Literal.of(JsonNodeFactory.instance.textNode("a\"b"))).isEqualTo(new Literal("a\"b", true));
    assertThat(Literal.of(JsonNodeFactory.instance.numberNode(new BigDecimal("1E+3"))).text()).isEqualTo("1000");
    var obj = JsonNodeFactory.instance.objectNode();
    obj.put("k\"ey", "line\nbreak é \uD83D\uDE00").put("n", 3).put("b", false);
    obj.putArray("a").add("x").addNull();
    Literal lit = Literal.of(obj);
    assertThat(lit.quoted()).isFalse();
    assertThat(lit.text()).isEqualTo(
        "{\"k\\\"ey\": \"line\\nbreak \\u00e9 \\U0001f600\", \"n\": 3, \"b\": false, \"a\": [\"x\", null]}");
    assertThat(OpenApiDocs.tree("v: " + lit.text()).get("v")).isEqualTo(obj);
  }

  private static String example(PropertyView p) {
    return ExampleValues.of(p, null).map(JsonNode::asText).orElse(null);
  }

  private static Integer integer(String min, String max) {
    PropertyView p = new PropertyView("n", "integer", "int32", null, null, null, null,
        min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), List.of(), null, null,
        false, false, false, null, null, false);
    return ExampleValues.of(p, null).map(JsonNode::asInt).orElse(null);
  }

  private static PropertyView string(String name, String format, Integer min, Integer max) {
    return new PropertyView(name, "string", format, null, min, max, null, null, null, List.of(), null, null, false,
        false, false, null, null, false);
  }
}
