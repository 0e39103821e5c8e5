package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.validate.Finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.archforge.model.Artifact;
import dev.archforge.testing.AsyncApiParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiValidatorTest {
  private static final AsyncApiValidator VALIDATOR = new AsyncApiValidator();
  private static final String PATH = "api/asyncapi.yaml";

  /** A small document the validator and @asyncapi/parser accept; each negative test breaks one thing. */
  static final String VALID = """
      asyncapi: 3.0.0
      info:
        title: Demo events
        version: 1.0.0
      servers:
        kafka:
          host: kafka.example.com:9093
          protocol: kafka-secure
          security:
            - $ref: "#/components/securitySchemes/scram"
      channels:
        orders.OrderPlaced:
          address: demo.orders.order-placed.v1
          messages:
            OrderPlaced:
              $ref: "#/components/messages/OrderPlaced"
        a/b:
          address: demo.a.b.v1
          messages:
            Thing:
              $ref: "#/components/messages/Thing%20One"
      operations:
        orders.sendOrderPlaced:
          action: send
          channel:
            $ref: "#/channels/orders.OrderPlaced"
          messages:
            - $ref: "#/channels/orders.OrderPlaced/messages/OrderPlaced"
        inventory.receiveThing:
          action: receive
          channel:
            $ref: "#/channels/a~1b"
          messages:
            - $ref: "#/channels/a~1b/messages/Thing"
      components:
        securitySchemes:
          scram:
            type: scramSha512
        messages:
          OrderPlaced:
            payload:
              $ref: "#/components/schemas/OrderPlacedPayload"
          Thing One:
            payload:
              type: object
        schemas:
          OrderPlacedPayload:
            type: object
            required:
              - orderId
            properties:
              orderId:
                type: string
                format: uuid
            additionalProperties: false
      """;

  private static List<Finding> check(String yaml) {
    return VALIDATOR.validate(new Artifact(PATH, yaml, AsyncApiDeliverable.KIND));
  }

  private static String replace(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  @Test
  void aValidDocumentHasNoFindings() {
    assertThat(check(VALID)).isEmpty();
  }

  @Test
  void acceptsAsyncApiArtifactsOnly() {
    assertThat(VALIDATOR.accepts(new Artifact(PATH, VALID, AsyncApiDeliverable.KIND))).isTrue();
    assertThat(VALIDATOR.accepts(new Artifact("api/x/openapi.yaml", VALID, OpenApiDeliverable.KIND))).isFalse();
    assertThat(VALIDATOR.accepts(new Artifact("README.md", VALID, Artifact.Kind.MARKDOWN))).isFalse();
  }

  @Test
  void aBrokenRefIsFoundOnItsLine() {
    String broken = replace(VALID, "$ref: \"#/components/schemas/OrderPlacedPayload\"",
        "$ref: \"#/components/schemas/OrderPlacedPayloadX\"");

    assertThat(check(broken))
        .extracting(Finding::path, Finding::line, Finding::validator)
        .containsExactly(tuple(PATH, 42, "asyncapi ($ref)"));
    assertThat(check(broken).get(0).message())
        .contains("/components/messages/OrderPlaced/payload/$ref", "#/components/schemas/OrderPlacedPayloadX",
            "does not resolve");
  }

  @Test
  void aRefOutsideTheDocumentIsRefused() {
    String outside = replace(VALID, "$ref: \"#/components/schemas/OrderPlacedPayload\"",
        "$ref: \"schemas.yaml#/OrderPlacedPayload\"");

    List<Finding> findings = check(outside);

    assertThat(findings).extracting(Finding::line, Finding::validator).containsExactly(tuple(42, "asyncapi ($ref)"));
    assertThat(findings.get(0).message()).contains("outside the document");
  }

  @Test
  void aSchemaViolationIsFoundOnItsLine() {
    String wrongAction = replace(VALID, "action: send", "action: publish");

    List<Finding> findings = check(wrongAction);

    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.validator()).isEqualTo("asyncapi (json-schema)");
      assertThat(f.line()).isEqualTo(24);
    });
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("action"));
  }

  @Test
  void anUnknownKeyIsFoundOnItsOwnLine() {
    String unknown = replace(VALID, "    address: demo.orders.order-placed.v1\n",
        "    address: demo.orders.order-placed.v1\n    topic: demo.orders\n");

    List<Finding> findings = check(unknown);

    assertThat(findings).extracting(Finding::line, Finding::validator)
        .containsExactly(tuple(14, "asyncapi (json-schema)"));
    assertThat(findings.get(0).message()).contains("topic");
  }

  @Test
  void aMissingRequiredKeyIsFound() {
    String noVersion = replace(VALID, "  version: 1.0.0\n", "");

    assertThat(check(noVersion)).extracting(Finding::line, Finding::validator)
        .containsExactly(tuple(2, "asyncapi (json-schema)"));
  }

  @Test
  void anOperationMustUseMessagesOfItsChannel() {
    String foreign = replace(VALID, "- $ref: \"#/channels/a~1b/messages/Thing\"",
        "- $ref: \"#/channels/orders.OrderPlaced/messages/OrderPlaced\"");

    List<Finding> findings = check(foreign);

    assertThat(findings).extracting(Finding::line, Finding::validator).containsExactly(tuple(34, "asyncapi"));
    assertThat(findings.get(0).message()).contains("not a message of the operation's channel");
  }

  @Test
  void anOperationsChannelMustBeAChannel() {
    String notAChannel = replace(VALID, "$ref: \"#/channels/orders.OrderPlaced\"\n",
        "$ref: \"#/components/schemas/OrderPlacedPayload\"\n");

    List<Finding> findings = check(notAChannel);

    assertThat(findings).extracting(Finding::line, Finding::validator).containsExactly(tuple(25, "asyncapi"));
    assertThat(findings.get(0).message()).contains("must be a $ref to one of #/channels");
  }

  @Test
  void invalidYamlIsOneFindingWithItsLine() {
    List<Finding> findings = check("asyncapi: 3.0.0\ninfo:\n  title: [unclosed\n  version: 1\n");

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).startsWith("not valid YAML");
    assertThat(findings.get(0).line()).isGreaterThan(0);
  }

  @Test
  void aDuplicateKeyIsRefused() {
    String twice = replace(VALID, "  version: 1.0.0\n", "  version: 1.0.0\n  version: 2.0.0\n");

    List<Finding> findings = check(twice);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("Duplicate field 'version'");
    assertThat(findings.get(0).line()).isEqualTo(5);
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    assertThat(check("- just\n- a list\n")).extracting(Finding::message)
        .containsExactly("not an AsyncAPI document: the YAML is not a mapping");
  }

  @Test
  void fragmentsArePercentDecoded() {
    assertThat(AsyncApiValidator.decode("/components/messages/Thing%20One"))
        .isEqualTo("/components/messages/Thing One");
    assertThat(AsyncApiValidator.decode("/a%C3%A9/%zz/%2")).isEqualTo("/aé/%zz/%2");
  }

  /** The real parser agrees: the valid document parses, the broken ones fail where ours do. */
  @Test
  void theRealParserAgrees(@TempDir Path tmp) throws Exception {
    Path valid = Files.writeString(tmp.resolve("valid.yaml"), VALID);
    Path brokenRef = Files.writeString(tmp.resolve("broken-ref.yaml"), replace(VALID,
        "#/components/schemas/OrderPlacedPayload\"", "#/components/schemas/OrderPlacedPayloadX\""));
    Path wrongAction = Files.writeString(tmp.resolve("wrong-action.yaml"), replace(VALID, "action: send",
        "action: publish"));
    Path foreign = Files.writeString(tmp.resolve("foreign.yaml"), replace(VALID,
        "- $ref: \"#/channels/a~1b/messages/Thing\"",
        "- $ref: \"#/channels/orders.OrderPlaced/messages/OrderPlaced\""));

    AsyncApiParser.Report report = AsyncApiParser.parse(List.of(valid, brokenRef, wrongAction, foreign));

    assertThat(report.files().get(0).errors()).as("valid").isEmpty();
    assertThat(report.files().get(0).parsed()).isTrue();
    assertThat(report.files().get(1).errors()).as("broken $ref")
        .anySatisfy(d -> assertThat(d.line()).isEqualTo(42));
    assertThat(report.files().get(2).errors()).as("wrong action")
        .anySatisfy(d -> assertThat(d.line()).isEqualTo(24));
    assertThat(report.files().get(3).errors()).as("message of another channel")
        .anySatisfy(d -> assertThat(d.line()).isEqualTo(34));
  }
}
