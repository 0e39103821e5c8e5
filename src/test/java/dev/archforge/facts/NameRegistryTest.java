package dev.archforge.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names that would become one file, type, table or column (src/test/resources/bad/names): each is
 * bad input at the second name, naming the first with its place, before anything is rendered.
 */
class NameRegistryTest {
  private static final Pipeline PLANNER = Pipeline.planner();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      entities-differ-in-case.yaml        | 7:3  | entity 'HTTPServer' becomes the path and file name 'http-server', as entity 'HttpServer' does (@:6:3); rename one of them
      rest-schema-of-another-entity.yaml  | 7:3  | entity 'NoteCreate' becomes OpenAPI schema 'NoteCreate' of service 'api', as entity 'Note' does (@:6:3); rename one of them
      grpc-message-of-another-entity.yaml | 7:3  | entity 'GetNoteRequest' becomes protobuf name 'GetNoteRequest' of service 'api', as entity 'Note' does (@:6:3); rename one of them
      fields-become-one-column.yaml       | 9:7  | field 'userID' becomes column 'user_id' of table note, as field 'userId' does (@:8:7); rename one of them
      field-takes-generated-column.yaml   | 8:7  | field 'lockVersion' becomes column 'lock_version' of table note, which archforge uses for optimistic locking; rename it
      entity-takes-problem-schema.yaml    | 6:3  | entity 'Problem' becomes OpenAPI schema 'Problem' of service 'api', which archforge uses for the error responses; rename it
      join-table-is-an-entity-table.yaml  | 11:3 | entity 'MemberTeam' becomes table 'member_team' of service 'api', as many-to-many 'Member.teams' does (@:9:7); rename one of them
      service-takes-deploy-folder.yaml    | 5:3  | service 'k8s' becomes the folder and Kubernetes name 'k8s', which archforge uses for the Kubernetes manifests (deploy/k8s/); rename it
      events-differ-in-case.yaml          | 10:3 | event 'NOTEMade' becomes the path and file name 'note-made', as event 'NoteMade' does (@:9:3); rename one of them
      entity-takes-operation-request.yaml | 10:3 | entity 'ReturnLoanRequest' becomes OpenAPI schema 'ReturnLoanRequest' of service 'api', as operation 'return' of entity 'Loan' does (@:6:3); rename one of them
      entity-takes-operation-response.yaml | 10:3 | entity 'ReturnLoanResponse' becomes protobuf name 'ReturnLoanResponse' of service 'api', as operation 'return' of entity 'Loan' does (@:6:3); rename one of them
      service-takes-bff-name.yaml         | 5:3  | service 'shop-bff' becomes the folder and Kubernetes name 'shop-bff', which archforge uses for the backend for frontend of the gateway-and-bff decision; rename it
      """)
  void namesThatBecomeOneAreBadInputAtBothPlaces(String file, String position, String message) {
    Path path = Path.of("src/test/resources/bad/names", file);

    assertThatThrownBy(() -> PLANNER.plan(path, Optional.empty()))
        .isInstanceOfSatisfying(ArchforgeException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
          assertThat(e.messages()).containsExactly(path + ":" + position + ": " + message.replace("@", path.toString()));
        });
  }
}
