package dev.archforge.deliverable.security;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.deliverable.security.SecurityPlans.Named;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AUTHZ-MATRIX.md and the generated {@code api/<service>/openapi.yaml} agree, both ways: every
 * operation of every contract has one row, every row is an operation of the contract, and each
 * row's anonymous mark, OAuth scopes and roles are those of the operation's security requirement
 * and its "Allowed roles" statement.
 */
class AuthzMatrixAgreementTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern ROLES = Pattern.compile("\\*\\*Allowed roles:\\*\\* ([^.;]+)");

  /** What one operation allows: callers without credentials, scopes, roles. */
  record Access(boolean anonymous, List<String> scopes, List<String> roles) {}

  static Stream<Named> plans() {
    Stream<Named> fixtures = PlanFixtures.all().stream().map(n -> new Named("fixture " + n.name(), n.plan()));
    return Stream.concat(SecurityPlans.all(), fixtures);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theMatrixAndTheContractsAgreeInBothDirections(Named named) {
    Map<String, Map<String, Access>> contracts = contracts(named.plan());
    Map<String, Map<String, Access>> matrix = matrix(SecurityPlans.security(named.plan())
        .get("security/AUTHZ-MATRIX.md"));
    boolean operations = named.plan().requirements().services().stream()
        .anyMatch(s -> s.api() == dev.archforge.model.Api.REST && !s.entities().isEmpty());
    assertThat(contracts.values().stream().mapToInt(Map::size).sum() > 0).as(named.name() + ": any operation")
        .isEqualTo(operations);
    assertThat(matrix.keySet()).as(named.name() + ": services").containsExactlyInAnyOrderElementsOf(
        contracts.keySet());
    for (String service : contracts.keySet()) {
      Map<String, Access> inContract = contracts.get(service);
      Map<String, Access> inMatrix = matrix.get(service);
      assertThat(inMatrix.keySet()).as(named.name() + " " + service + ": operations")
          .containsExactlyInAnyOrderElementsOf(inContract.keySet());
      inContract.forEach((op, access) -> assertThat(inMatrix.get(op)).as(named.name() + " " + op)
          .isEqualTo(access));
    }
  }

  /** service → operationId → access, read from the generated OpenAPI documents. */
  static Map<String, Map<String, Access>> contracts(Plan plan) {
    Map<String, Map<String, Access>> all = new LinkedHashMap<>();
    for (Artifact a : new OpenApiDeliverable().contribute(Facts.of(plan), SecurityPlans.RENDERER)) {
      String service = a.path().split("/")[1];
      Map<String, Access> ops = new LinkedHashMap<>();
      JsonNode doc = read(a.content());
      doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
        JsonNode op = method.getValue();
        if (!op.has("operationId")) {
          return; // path-level parameters
        }
        boolean anonymous = false;
        TreeSet<String> scopes = new TreeSet<>();
        for (JsonNode requirement : op.path("security")) {
          if (requirement.isEmpty()) {
            anonymous = true;
          }
          requirement.fields().forEachRemaining(s -> s.getValue().forEach(scope -> scopes.add(scope.asText())));
        }
        Matcher m = ROLES.matcher(op.path("description").asText());
        List<String> roles = m.find() && !m.group(1).trim().equals("none")
            ? Arrays.stream(m.group(1).trim().split(",\\s*")).sorted().toList() : List.of();
        ops.put(op.path("operationId").asText(), new Access(anonymous, List.copyOf(scopes), roles));
      }));
      all.put(service, ops);
    }
    return all;
  }

  /** service → operationId → access, read from the matrix's tables. */
  static Map<String, Map<String, Access>> matrix(String markdown) {
    Map<String, Map<String, Access>> all = new LinkedHashMap<>();
    String service = null;
    List<String> columns = List.of();
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("## ")) {
        service = line.substring(3).equals(AuthzMatrixBuilder.NO_CONTRACT) ? null : line.substring(3);
        columns = List.of();
        if (service != null) {
          all.put(service, new LinkedHashMap<>());
        }
      } else if (service != null && line.startsWith("| Operation |")) {
        columns = cells(line);
      } else if (service != null && !columns.isEmpty() && line.startsWith("| `")) {
        List<String> cells = cells(line);
        List<String> roles = new ArrayList<>();
        TreeSet<String> scopes = new TreeSet<>();
        for (int i = 3; i < columns.size(); i++) {
          if (columns.get(i).equals("Scope")) {
            Arrays.stream(cells.get(i).split(",\\s*")).filter(s -> !s.isBlank())
                .forEach(s -> scopes.add(s.replace("`", "")));
          } else if (cells.get(i).equals(AuthzMatrixBuilder.YES)) {
            roles.add(columns.get(i));
          }
        }
        all.get(service).put(cells.get(0).replace("`", ""), new Access(cells.get(2).equals(AuthzMatrixBuilder.YES),
            List.copyOf(scopes), roles.stream().sorted().toList()));
      }
    }
    return all;
  }

  private static List<String> cells(String row) {
    return Arrays.stream(row.substring(1, row.length() - 1).split("\\|")).map(String::trim).toList();
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
