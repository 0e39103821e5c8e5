package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.RpcElement;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domain operations and state machines end to end (issue 21), through the CLI on the library and
 * ride-hailing samples: every contract has one operation per domain operation, named from one fact;
 * the state field is read-only and in no create or update body; AsyncAPI, the security documents and
 * ARCHITECTURE.md name the operations.
 */
class DomainOperationsCliTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  static Path dir;
  static Path library;
  static Path rides;

  @BeforeAll
  static void generate() {
    library = generate("library");
    rides = generate("ride-hailing");
  }

  private static Path generate(String sample) {
    CliRunner.Run run = CliRunner.run(Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", "off"),
        "generate", "samples/" + sample + ".yaml", "-o", dir.resolve(sample).toString());
    assertThat(run.code()).as(run.err()).isZero();
    return dir.resolve(sample).resolve("backend-architect");
  }

  @Test
  void openApiHasAPostPerOperationWithItsScopeStatesAndConflict() throws IOException {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
        Files.readString(library.resolve("api/lending/openapi.yaml")), null, null);
    assertThat(parsed.getMessages()).isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    Operation giveBack = api.getPaths().get("/loans/{loanId}/return").getPost();
    assertThat(giveBack.getOperationId()).isEqualTo("returnLoan");
    assertThat(giveBack.getSecurity().get(0).get("oidc")).containsExactly("loans:return");
    assertThat(giveBack.getExtensions().get("x-from-states")).isEqualTo(List.of("active", "overdue"));
    assertThat(giveBack.getResponses()).containsKeys("200", "401", "403", "404", "409", "422");
    assertThat(giveBack.getResponses().get("409").get$ref()).endsWith("/StateConflict");
    assertThat(giveBack.getParameters()).extracting(p -> p.get$ref()).contains("#/components/parameters/IdempotencyKey");
    assertThat(giveBack.getRequestBody().getContent().get("application/json").getSchema().get$ref())
        .endsWith("/ReturnLoanRequest");
    Operation borrow = api.getPaths().get("/loans/borrow").getPost();
    assertThat(borrow.getResponses()).containsKey("201").doesNotContainKey("404");
    assertThat(borrow.getExtensions()).isNull();
    assertThat(api.getPaths().get("/loans/{loanId}/mark-overdue").getPost().getRequestBody()).isNull();
    assertThat(api.getPaths().get("/loans/{loanId}").getPatch()).isNotNull();
  }

  @Test
  void theStateFieldIsReadOnlyAndInNoRequestBody() throws IOException {
    OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(library.resolve("api/lending/openapi.yaml")),
        null, null).getOpenAPI();
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(((Schema<?>) schemas.get("Loan").getProperties().get("status")).getReadOnly()).isTrue();
    assertThat(schemas.get("LoanCreate").getProperties()).doesNotContainKey("status").containsKey("dueOn");
    assertThat(schemas.get("LoanPatch").getProperties()).doesNotContainKey("status").containsKey("dueOn");

    TypeDefinitionRegistry graphql = new SchemaParser().parse(Files.readString(
        rides.resolve("api/payments/schema.graphql")));
    for (String name : List.of("CreatePaymentInput", "UpdatePaymentInput")) {
      assertThat(graphql.getType(name, InputObjectTypeDefinition.class).orElseThrow().getInputValueDefinitions())
          .extracting(InputValueDefinition::getName).as(name).doesNotContain("status").contains("amount");
    }
    ProtoFileElement proto = proto(rides.resolve("api/drivers/drivers.proto"));
    assertThat(fields(proto, "DriverInput")).doesNotContain("status").contains("full_name");
    assertThat(fields(proto, "Driver")).contains("status");
  }

  @Test
  void grpcHasOneRpcPerOperation() throws IOException {
    ProtoFileElement proto = proto(rides.resolve("api/drivers/drivers.proto"));
    List<String> rpcs = proto.getServices().get(0).getRpcs().stream().map(RpcElement::getName).toList();
    assertThat(rpcs).contains("GoOnlineDriver", "GoOfflineDriver");
    RpcElement online = proto.getServices().get(0).getRpcs().stream().filter(r -> r.getName().equals("GoOnlineDriver"))
        .findFirst().orElseThrow();
    assertThat(online.getRequestType()).isEqualTo("GoOnlineDriverRequest");
    assertThat(online.getResponseType()).isEqualTo("GoOnlineDriverResponse");
    assertThat(online.getDocumentation()).contains("FAILED_PRECONDITION", "Allowed roles:");
    assertThat(fields(proto, "GoOnlineDriverRequest")).containsExactly("id", "request_id");
    assertThat(fields(proto, "GoOnlineDriverResponse")).containsExactly("driver");
  }

  @Test
  void graphqlHasOneMutationPerOperationWithErrorsAsData() throws IOException {
    TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(
        rides.resolve("api/payments/schema.graphql")));
    ObjectTypeDefinition mutation = schema.getType("Mutation", ObjectTypeDefinition.class).orElseThrow();
    FieldDefinition refund = mutation.getFieldDefinitions().stream().filter(f -> f.getName().equals("refundPayment"))
        .findFirst().orElseThrow();
    assertThat(refund.getInputValueDefinitions()).extracting(InputValueDefinition::getName)
        .containsExactly("id", "input");
    assertThat(mutation.getFieldDefinitions()).extracting(FieldDefinition::getName).contains("capturePayment");
    ObjectTypeDefinition payload = schema.getType("RefundPaymentPayload", ObjectTypeDefinition.class).orElseThrow();
    assertThat(payload.getFieldDefinitions()).extracting(FieldDefinition::getName).containsExactly("payment", "errors");
    assertThat(schema.getType("StateError")).isPresent();
  }

  @Test
  void asyncApiLinksTheEventToTheOperationThatEmitsIt() throws IOException {
    JsonNode doc = YAML.readTree(library.resolve("api/asyncapi.yaml").toFile());
    JsonNode send = doc.path("operations").path("lending.sendBookReturned");
    assertThat(send.path("x-triggered-by").get(0).asText()).isEqualTo("returnLoan");
    assertThat(send.path("description").asText()).contains("`returnLoan` (POST /loans/{loanId}/return)");
  }

  @Test
  void theStateColumnIsCheckedIndexedAndAlwaysSet() throws IOException {
    String sql = Files.readString(library.resolve("db/lending/migrations/V1__initial_schema.sql"));
    assertThat(sql).contains("status varchar(8) NOT NULL DEFAULT 'active'")
        .contains("CHECK (status IN ('active', 'returned', 'overdue'))")
        .contains("CREATE INDEX ix_loan_status ON loan (status, id)");
  }

  @Test
  void securityDocumentsIncludeTheOperations() throws IOException {
    String matrix = Files.readString(library.resolve("security/AUTHZ-MATRIX.md"));
    assertThat(matrix).contains("| `returnLoan` | `POST /loans/{loanId}/return` | — | `loans:return` | — | ✓ |");
    String ridesMatrix = Files.readString(rides.resolve("security/AUTHZ-MATRIX.md"));
    assertThat(ridesMatrix).contains("`rpc GoOnlineDriver` | `drivers:go-online` | driver |")
        .contains("`mutation refundPayment` | `payments:refund` | admin |");
    String threats = Files.readString(library.resolve("security/THREAT-MODEL.md"));
    assertThat(threats).contains("## Domain operations", "### returnLoan (lending)")
        .contains("| Tampering | A client forces a state", "| Repudiation | A librarian denies having called `return`");
    assertThat(Files.readString(library.resolve("security/ASVS.md"))).contains("V11.1.1", "`returnLoan`");
  }

  @Test
  void architectureDrawsEachStateMachineAndEachEmittingOperation() throws IOException {
    String doc = Files.readString(rides.resolve("ARCHITECTURE.md"));
    assertThat(doc).contains("### Trip.status", "### Driver.status", "### Payment.status", "stateDiagram-v2")
        .contains("### Operation requestTrip", "### Operation completeTrip", "### Operation capturePayment")
        .doesNotContain("### Operation acceptTrip");
    assertThat(doc).contains("st_0 --> st_1 : accept");
  }

  @Test
  void aRemovedOperationAndANarrowedFromAreBreaking() throws IOException {
    Path input = dir.resolve("library.yaml");
    String text = Files.readString(Path.of("samples/library.yaml"));
    Files.writeString(input, text);
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", "off");
    String out = dir.resolve("evolving").toString();
    assertThat(CliRunner.run(env, "generate", input.toString(), "-o", out).code()).isZero();
    String narrowed = text.replace("from: [active, overdue]", "from: [active]");
    int cut = narrowed.indexOf("      markOverdue:");
    Files.writeString(input, narrowed.substring(0, cut) + narrowed.substring(narrowed.indexOf("\n  Notice:\n") + 1));

    CliRunner.Run run = CliRunner.run(env, "generate", input.toString(), "-o", out, "--fail-on-breaking");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out() + run.err())
        .contains("removed operation POST /loans/{loanId}/mark-overdue")
        .contains("operation no longer starts from 'overdue'");
  }

  /** The drivers service speaks only gRPC, payments only GraphQL: a narrowed from breaks both all the same. */
  @Test
  void aNarrowedFromIsBreakingForAGrpcAndAGraphqlOnlyService() throws IOException {
    Path input = dir.resolve("ride-hailing.yaml");
    String text = Files.readString(Path.of("samples/ride-hailing.yaml"));
    Files.writeString(input, text.replace("from: [available]", "from: [available, busy]")
        .replace("from: [captured]", "from: [captured, authorised]"));
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", "off");
    String out = dir.resolve("narrowed").toString();
    assertThat(CliRunner.run(env, "generate", input.toString(), "-o", out).code()).isZero();
    Files.writeString(input, text);

    CliRunner.Run run = CliRunner.run(env, "generate", input.toString(), "-o", out, "--fail-on-breaking");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out() + run.err())
        .contains("operation no longer starts from 'busy' (a call from there now answers FAILED_PRECONDITION)")
        .contains("operation no longer starts from 'authorised' (a call from there now answers StateError)");
  }

  private static ProtoFileElement proto(Path file) throws IOException {
    return ProtoParser.Companion.parse(Location.get(file.getFileName().toString()), Files.readString(file));
  }

  private static List<String> fields(ProtoFileElement proto, String message) {
    return ((MessageElement) proto.getTypes().stream().filter(t -> t.getName().equals(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + message))).getFields().stream()
        .map(FieldElement::getName).toList();
  }
}
