package dev.archforge.deliverable.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import dev.archforge.deliverable.security.SecurityPlans.Named;
import dev.archforge.model.Plan;
import dev.archforge.testing.SamplePlans;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain operations of services without an OpenAPI contract, as AUTHZ-MATRIX.md lists them, and
 * their gRPC and GraphQL contracts agree, both ways: every RPC or mutation that is not an entity's
 * CRUD call has one row, every row is such a call of the contract it links, and the row's roles are
 * the contract's (the RPC's "Allowed roles" comment, the mutation's {@code @auth} directive).
 */
class OperationsMatrixAgreementTest {
  private static final String HEADER = "| Service | Contract | Entity | Call | Scope | Roles |";
  private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| \\[([^]]+)]\\([^)]*\\) \\| [^|]+ \\| `(?:rpc|mutation) "
      + "(\\w+)` \\| [^|]* \\| ([^|]+) \\|$");
  private static final Pattern ROLES = Pattern.compile("Allowed roles: ([^.;]+)");
  private static final Pattern RPC_CRUD = Pattern.compile("(?:Get|List|Create|Update|Delete|BatchGet)(\\w+)");
  private static final Pattern MUTATION_CRUD = Pattern.compile("(?:create|update|delete)(\\w+)");

  static java.util.stream.Stream<Named> plans() {
    return SecurityPlans.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theOperationsTableAndTheGrpcAndGraphqlContractsAgree(Named named) {
    assertThat(matrix(named.plan())).as(named.name()).isEqualTo(contracts(named.plan()));
  }

  @Test
  void rideHailingsGrpcAndGraphqlOperationsAreListedWithTheirRoles() {
    Plan plan = SamplePlans.plan(Path.of("samples/ride-hailing.yaml"));
    assertThat(matrix(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "api/drivers/drivers.proto GoOnlineDriver", List.of("driver"),
        "api/drivers/drivers.proto GoOfflineDriver", List.of("driver"),
        "api/payments/schema.graphql capturePayment", List.of("admin"),
        "api/payments/schema.graphql refundPayment", List.of("admin")));
    assertThat(contracts(plan)).isEqualTo(matrix(plan));
  }

  /** "contract call" → roles, from the matrix's table of domain operations without an OpenAPI contract. */
  static Map<String, List<String>> matrix(Plan plan) {
    String markdown = SecurityPlans.security(plan).get("security/AUTHZ-MATRIX.md");
    Map<String, List<String>> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : markdown.lines().toList()) {
      if (line.equals(HEADER)) {
        inTable = true;
      } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
        Matcher m = ROW.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        rows.put(m.group(1) + " " + m.group(2), roles(m.group(3)));
      } else if (inTable && !line.startsWith("|")) {
        inTable = false;
      }
    }
    return rows;
  }

  /** "contract call" → roles, from every RPC and mutation of the contracts that is not an entity's CRUD call. */
  static Map<String, List<String>> contracts(Plan plan) {
    Set<String> entities = plan.requirements().entities().stream().map(e -> e.name()).collect(Collectors.toSet());
    Map<String, List<String>> calls = new TreeMap<>();
    SecurityPlans.workspace(plan).forEach((path, text) -> {
      if (path.startsWith("api/") && path.endsWith(".proto")) {
        for (ServiceElement service : ProtoParser.Companion.parse(Location.get(path), text).getServices()) {
          for (RpcElement rpc : service.getRpcs()) {
            if (!crud(RPC_CRUD, rpc.getName(), entities)) {
              Matcher m = ROLES.matcher(rpc.getDocumentation().replace('\n', ' '));
              calls.put(path + " " + rpc.getName(), m.find() ? roles(m.group(1)) : List.of());
            }
          }
        }
      } else if (path.startsWith("api/") && path.endsWith(".graphql")) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(text);
        registry.getType("Mutation", ObjectTypeDefinition.class).ifPresent(mutation -> {
          for (FieldDefinition field : mutation.getFieldDefinitions()) {
            if (!crud(MUTATION_CRUD, field.getName(), entities)) {
              calls.put(path + " " + field.getName(), authRoles(field));
            }
          }
        });
      }
    });
    return calls;
  }

  /** Whether the call is an entity's CRUD call: a CRUD verb followed by an entity's name (or its plural). */
  private static boolean crud(Pattern verbs, String name, Set<String> entities) {
    Matcher m = verbs.matcher(name);
    return m.matches() && entities.stream().anyMatch(e -> m.group(1).startsWith(e)
        || e.endsWith("y") && m.group(1).startsWith(e.substring(0, e.length() - 1) + "ies"));
  }

  private static List<String> authRoles(FieldDefinition field) {
    Directive auth = field.getDirectives("auth").stream().findFirst().orElse(null);
    if (auth == null || auth.getArgument("roles") == null) {
      return List.of();
    }
    return ((ArrayValue) auth.getArgument("roles").getValue()).getValues().stream()
        .map(v -> ((StringValue) v).getValue()).sorted().toList();
  }

  private static List<String> roles(String list) {
    return Arrays.stream(list.trim().split(",\\s*")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
  }
}
