package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service alone sets — ids, audit timestamps, the soft-delete marker, versions — is in no
 * request body of any contract: not in OpenAPI's create and patch schemas, not in GraphQL's create and
 * update inputs, not in the message gRPC's create and update requests carry.
 */
class ServerOwnedFieldsCliTest {
  private static final Set<String> SERVER_OWNED = Set.of("id", "createdAt", "updatedAt", "deletedAt", "version",
      "created_at", "updated_at", "deleted_at");

  @TempDir
  static Path dir;
  static Path workspace;

  @BeforeAll
  static void generate() throws IOException {
    Path input = dir.resolve("library.yaml");
    Files.writeString(input, DenyByDefaultCliTest.LIBRARY.replace("""
          Loan:
            fields:""", """
          Loan:
            softDelete: true
            fields:""").replace("""
          Shelf:
            fields:""", """
          Shelf:
            softDelete: true
            fields:"""));
    CliRunner.Run run = CliRunner.run(Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", "off"),
        "generate", input.toString(), "-o", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    workspace = dir.resolve("out/backend-architect");
  }

  @Test
  void openApiRequestSchemasLeaveOutWhatTheServiceSets() throws IOException {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
        Files.readString(workspace.resolve("api/lending/openapi.yaml")), null, null);
    assertThat(parsed.getMessages()).isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(schemas.get("Loan").getProperties()).containsKeys("id", "createdAt", "updatedAt");
    for (String name : List.of("LoanCreate", "LoanPatch", "BookCreate", "BookPatch")) {
      assertThat(schemas.get(name).getProperties().keySet()).as(name).doesNotContainAnyElementsOf(SERVER_OWNED)
          .isNotEmpty();
      assertThat(schemas.get(name).getAdditionalProperties()).as(name).isEqualTo(false);
    }
  }

  @Test
  void graphqlInputsLeaveOutWhatTheServiceSets() throws IOException {
    TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(workspace.resolve(
        "api/people/schema.graphql")));
    for (String name : List.of("CreateMemberInput", "UpdateMemberInput")) {
      InputObjectTypeDefinition input = schema.getType(name, InputObjectTypeDefinition.class).orElseThrow();
      assertThat(input.getInputValueDefinitions()).extracting(InputValueDefinition::getName).as(name)
          .containsExactly("email");
    }
  }

  @Test
  void grpcCreateAndUpdateRequestsCarryOnlyTheFieldsAClientSets() throws IOException {
    ProtoFileElement proto = ProtoParser.Companion.parse(Location.get("shelves.proto"),
        Files.readString(workspace.resolve("api/shelves/shelves.proto")));
    assertThat(fields(proto, "Shelf")).contains("id", "created_at", "updated_at", "label");
    assertThat(fields(proto, "ShelfInput")).containsExactly("label");
    assertThat(types(proto, "CreateShelfRequest")).containsExactly("ShelfInput shelf", "string request_id");
    assertThat(types(proto, "UpdateShelfRequest")).containsExactly("string id", "ShelfInput shelf",
        "google.protobuf.FieldMask update_mask");
  }

  private static List<String> fields(ProtoFileElement proto, String message) {
    return message(proto, message).getFields().stream().map(FieldElement::getName).toList();
  }

  private static List<String> types(ProtoFileElement proto, String message) {
    return message(proto, message).getFields().stream().map(f -> f.getType() + " " + f.getName()).toList();
  }

  private static MessageElement message(ProtoFileElement proto, String name) {
    return (MessageElement) proto.getTypes().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + name));
  }
}
