package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.ArrayValue;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deny by default: an entity whose service states no {@code access} is readable and writable by the
 * privileged role alone ({@code admin} here, named by the standard blueprint), in every contract and
 * document, and the run warns once per such entity at the place its service lists it.
 */
class DenyByDefaultCliTest {
  static final String LIBRARY = """
      archforge: 1
      project:
        name: library
      security:
        roles: [member, librarian, admin]
      services:
        lending:
          exposure: public
          entities: [Book, Loan]
          access:
            Book: { read: [anonymous, member, librarian, admin], write: [librarian, admin] }
        people:
          api: graphql
          entities: [Member]
        shelves:
          api: grpc
          entities: [Shelf]
      entities:
        Book:
          fields:
            title: { type: string, maxLength: 200, required: true }
        Loan:
          fields:
            bookId: { type: uuid, required: true }
            dueOn: { type: date, required: true }
        Member:
          fields:
            email: { type: email, required: true, unique: true, pii: true }
        Shelf:
          fields:
            label: { type: string, maxLength: 40, required: true }
      """;

  @TempDir
  static Path dir;
  static Path input;
  static Path workspace;
  static CliRunner.Run run;

  @BeforeAll
  static void generate() throws IOException {
    input = dir.resolve("library.yaml");
    Files.writeString(input, LIBRARY);
    run = CliRunner.run(Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", "off"), "generate",
        input.toString(), "-o", dir.resolve("out").toString());
    workspace = dir.resolve("out/backend-architect");
  }

  @Test
  void warnsOncePerEntityWithoutAccessAtTheLineAndColumnItsServiceListsIt() {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains(input + ":9:22: warning: service 'lending' states no access for entity 'Loan', "
        + "so only admin may read or write it (deny by default)");
    assertThat(run.err()).contains(input + ":14:16: warning: service 'people' states no access for entity 'Member'");
    assertThat(run.err()).contains(input + ":17:16: warning: service 'shelves' states no access for entity 'Shelf'");
    for (String entity : List.of("Loan", "Member", "Shelf")) {
      assertThat(run.err().split("states no access for entity '" + entity + "'", -1)).as(entity).hasSize(2);
    }
    assertThat(run.err()).doesNotContain("entity 'Book'");
  }

  @Test
  void openApiOperationsOfAnEntityWithoutAccessNeedItsScopeAndAllowOnlyThePrivilegedRole() throws IOException {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
        Files.readString(workspace.resolve("api/lending/openapi.yaml")), null, null);
    assertThat(parsed.getMessages()).isEmpty();
    OpenAPI api = parsed.getOpenAPI();
    int loans = 0;
    for (var path : api.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = op.getValue();
        boolean write = !op.getKey().name().equals("GET");
        if (path.getKey().contains("loan")) {
          loans++;
          assertThat(operation.getSecurity()).as(op.getKey() + " " + path.getKey())
              .containsExactly(new SecurityRequirement().addList("oidc", write ? "loans:write" : "loans:read"));
          assertThat(operation.getDescription()).contains("**Allowed roles:** admin. **Scope:**");
        } else {
          assertThat(operation.getDescription()).as(op.getKey() + " " + path.getKey())
              .contains(write ? "**Allowed roles:** librarian, admin." : "**Allowed roles:** member, librarian, admin;");
        }
      }
    }
    assertThat(loans).isEqualTo(5);
  }

  @Test
  void theMatrixMarksOnlyThePrivilegedRoleForTheEntitiesWithoutAccess() throws IOException {
    String matrix = Files.readString(workspace.resolve("security/AUTHZ-MATRIX.md"));
    List<String> loanRows = matrix.lines().filter(l -> l.startsWith("| `") && l.contains("/loans")).toList();
    assertThat(loanRows).hasSize(5).allSatisfy(row -> assertThat(row).endsWith("| — | — | ✓ |"));
    assertThat(matrix.lines().filter(l -> l.startsWith("| `") && l.contains("/books") && l.contains("`GET"))
        .toList()).hasSize(2).allSatisfy(row -> assertThat(row).endsWith("| ✓ | ✓ | ✓ |"));
    assertThat(matrix).contains("| people | [api/people/schema.graphql](../api/people/schema.graphql) | Member | "
        + "admin (not stated: deny by default) | admin (not stated: deny by default) |");
    assertThat(matrix).contains("The requirements state no access for Loan (lending), Member (people) and "
        + "Shelf (shelves), so only admin may read or write them until they do.");
  }

  @Test
  void graphqlAuthAndGrpcCommentsNameOnlyThePrivilegedRole() throws IOException {
    TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(workspace.resolve(
        "api/people/schema.graphql")));
    List<String> checked = new ArrayList<>();
    for (String type : List.of("Query", "Mutation")) {
      for (FieldDefinition f : ((ObjectTypeDefinition) schema.getType(type).orElseThrow()).getFieldDefinitions()) {
        for (Directive d : f.getDirectives("auth")) {
          List<String> roles = ((ArrayValue) d.getArgument("roles").getValue()).getValues().stream()
              .map(v -> ((StringValue) v).getValue()).toList();
          assertThat(roles).as(f.getName()).containsExactly("admin");
          checked.add(f.getName());
        }
      }
    }
    assertThat(checked).contains("member", "members", "createMember", "updateMember", "deleteMember");
    String proto = Files.readString(workspace.resolve("api/shelves/shelves.proto")).replaceAll("\\n\\s*// ", " ");
    Matcher allowed = Pattern.compile("Allowed roles: ([^.]+)\\.").matcher(proto);
    int rpcs = 0;
    while (allowed.find()) {
      assertThat(allowed.group(1)).isEqualTo("admin");
      rpcs++;
    }
    assertThat(rpcs).isEqualTo(5);
  }

  @Test
  void securityDocumentsSayWhatTheRequirementsLeaveOpen() throws IOException {
    String threats = Files.readString(workspace.resolve("security/THREAT-MODEL.md"));
    String residual = threats.substring(threats.indexOf("## Residual risks"), threats.indexOf("## Entry points"));
    assertThat(residual).contains("- Service `lending` states no access for `Loan`: only `admin` may read or write "
        + "it (deny by default)");
    assertThat(residual).contains("- Service `people` states no access for `Member`");
    assertThat(residual).contains("- Role `admin` may write every entity of the system");
    assertThat(residual).doesNotContain("None");
    String security = Files.readString(workspace.resolve("security/SECURITY.md"));
    assertThat(security).contains("The requirements state no access for `Loan` (`lending`), `Member` (`people`) "
        + "and `Shelf` (`shelves`): only `admin` may read or write them until they do.");
  }
}
