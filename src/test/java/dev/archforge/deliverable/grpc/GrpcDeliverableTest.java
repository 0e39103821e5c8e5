package dev.archforge.deliverable.grpc;

import dev.archforge.facts.Facts;
import static dev.archforge.deliverable.grpc.ProtoFiles.artifact;
import static dev.archforge.deliverable.grpc.ProtoFiles.artifacts;
import static dev.archforge.deliverable.grpc.ProtoFiles.fields;
import static dev.archforge.deliverable.grpc.ProtoFiles.hasMessage;
import static dev.archforge.deliverable.grpc.ProtoFiles.message;
import static dev.archforge.deliverable.grpc.ProtoFiles.nestedEnum;
import static dev.archforge.deliverable.grpc.ProtoFiles.parse;
import static dev.archforge.deliverable.grpc.ProtoFiles.rpcs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import dev.archforge.deliverable.graphql.ApiPlans;
import dev.archforge.deliverable.grpc.ProtoValidator;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.model.Api;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GrpcDeliverableTest {
  private static final ProtoValidator VALIDATOR = new ProtoValidator();

  @TempDir
  Path dir;

  /**
   * Every sample as written and with every service on gRPC, and the hand-built fixtures; versioning
   * does not reach proto files, so the fixtures with the version in a header are left out.
   */
  static Stream<ApiPlans.Named> plans() {
    List<ApiPlans.Named> plans = new ArrayList<>(ApiPlans.everySample("grpc"));
    PlanFixtures.all().stream().filter(f -> !f.name().endsWith(" header")).forEach(f -> plans.add(
        new ApiPlans.Named("fixture " + f.name(), ApiPlans.withApi(f.plan(), Api.GRPC))));
    return plans.stream();
  }

  @Test
  void isTheGrpcDeliverableForPlansWithAGrpcService() {
    GrpcDeliverable deliverable = new GrpcDeliverable();
    assertThat(deliverable.id()).isEqualTo("grpc");
    assertThat(deliverable.supports(Facts.of(ApiPlans.plan("ecommerce")))).isTrue();
    assertThat(deliverable.supports(Facts.of(ApiPlans.plan("saas-projects")))).isFalse();
  }

  @Test
  void rendersAProtoFileAndABufConfigurationPerGrpcService() {
    List<Artifact> artifacts = artifacts(ApiPlans.plan("ecommerce"));
    assertThat(artifacts).extracting(Artifact::path, Artifact::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("api/inventory/inventory.proto", GrpcDeliverable.KIND),
        org.assertj.core.groups.Tuple.tuple("api/inventory/buf.yaml", Artifact.Kind.YAML));
    assertThat(artifacts(ApiPlans.allServices("saas-projects", "grpc"))).extracting(Artifact::path)
        .contains("api/workspace-graph/workspace_graph.proto", "api/workspace-graph/buf.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyFileIsValidAndBufBuildsAndLintsItCleanly(ApiPlans.Named named) {
    for (Artifact a : artifacts(named.plan())) {
      assertThat(a.content().lines()).as(a.path() + ": no trailing white space").noneMatch(l -> l.endsWith(" "));
      if (a.kind().equals(GrpcDeliverable.KIND)) {
        assertThat(VALIDATOR.validate(a)).as(a.path()).isEmpty();
      }
    }
    assertThat(ProtoFiles.bufProblems(named.plan(), dir)).isEmpty();
  }

  @Test
  void theBufConfigurationUsesStandardAndCommentsLint() throws Exception {
    JsonNode buf = new YAMLMapper().readTree(artifact(ApiPlans.plan("ecommerce"), "api/inventory/buf.yaml")
        .content());
    assertThat(buf.get("version").asText()).isEqualTo("v2");
    assertThat(buf.at("/lint/use")).extracting(JsonNode::asText).containsExactly("STANDARD", "COMMENTS");
    assertThat(buf.at("/lint/except")).extracting(JsonNode::asText).containsExactly("PACKAGE_DIRECTORY_MATCH");
    assertThat(buf.at("/breaking/use")).extracting(JsonNode::asText).containsExactly("FILE");
  }

  @Test
  void theFileHasAVersionedPackageAndImportsOnlyTheWellKnownTypesItUses() {
    ProtoFileElement inventory = parse(ApiPlans.plan("ecommerce"), "inventory");
    assertThat(inventory.getSyntax().toString()).isEqualTo("proto3");
    assertThat(inventory.getPackageName()).isEqualTo("shop.inventory.v1");
    assertThat(inventory.getImports()).containsExactly("google/protobuf/field_mask.proto",
        "google/protobuf/timestamp.proto");
    assertThat(inventory.getOptions()).extracting(OptionElement::getName).containsExactly("java_multiple_files");
    ProtoFileElement alerts = parse(ApiPlans.plan("iot-telemetry"), "alerts");
    assertThat(alerts.getPackageName()).isEqualTo("fleetpulse.alerts.v1");
    assertThat(alerts.getOptions()).as("a Go service gets no Java options").isEmpty();
    ProtoFileElement graph = parse(ApiPlans.allServices("saas-projects", "grpc"), "workspace-graph");
    assertThat(graph.getPackageName()).isEqualTo("taskhub.workspace_graph.v1");
    assertThat(graph.getImports()).contains("google/protobuf/struct.proto");
  }

  @Test
  void anEntityIsAMessageWithStableFieldNumbers() {
    ProtoFileElement inventory = parse(ApiPlans.plan("ecommerce"), "inventory");
    assertThat(fields(message(inventory, "StockItem"))).containsExactly("string id = 1",
        "google.protobuf.Timestamp created_at = 2", "google.protobuf.Timestamp updated_at = 3",
        "string product_id = 4", "int32 on_hand = 5");
    Plan grown = ApiPlans.plan("ecommerce", t -> t.replace("      onHand:    { type: integer, required: true, min: 0 }",
        "      onHand:    { type: integer, required: true, min: 0 }\n      binCode: string"));
    assertThat(fields(message(parse(grown, "inventory"), "StockItem"))).startsWith("string id = 1",
        "google.protobuf.Timestamp created_at = 2", "google.protobuf.Timestamp updated_at = 3",
        "string product_id = 4", "int32 on_hand = 5").endsWith("optional string bin_code = 6");
    Plan noAudit = ApiPlans.plan("ecommerce", t -> t.replace("  StockItem:\n", "  StockItem:\n    audit: false\n"));
    assertThat(fields(message(parse(noAudit, "inventory"), "StockItem"))).containsExactly("string id = 1",
        "string product_id = 4", "int32 on_hand = 5");
  }

  @Test
  void fieldTypesReferencesAndLabelsFollowTheRequirements() {
    ProtoFileElement lab = parse(ApiPlans.withApi(PlanFixtures.everything("oidc", "url"), Api.GRPC), "lab");
    assertThat(fields(message(lab, "Sample"))).containsExactly("int64 id = 1",
        "google.protobuf.Timestamp created_at = 2", "google.protobuf.Timestamp updated_at = 3",
        "string code = 4", "string title = 5", "optional string body = 6", "optional int32 count = 7",
        "optional int64 total = 8", "string amount = 9", "optional string ratio = 10", "optional string whole = 11",
        "optional bool active = 12", "optional string day = 13", "google.protobuf.Timestamp at = 14",
        "optional string ref = 15", "optional string contact = 16", "optional string homepage = 17",
        "Level level = 18", "google.protobuf.Value settings = 19", "optional bytes avatar = 20",
        "string password = 21", "optional string api_token = 22", "int64 owner_id = 23",
        "optional string twin_id = 24", "repeated string tag_ids = 25");
    MessageElement sample = message(lab, "Sample");
    assertThat(sample.getFields().get(8).getDocumentation()).contains("decimal number written as a string",
        "before the point");
    assertThat(sample.getFields().get(20).getDocumentation()).contains("Secret, input only", "never returned");
  }

  @Test
  void enumsAreNestedWithAPrefixAndAnUnspecifiedZero() {
    ProtoFileElement projects = parse(ApiPlans.allServices("saas-projects", "grpc"), "projects");
    assertThat(nestedEnum(message(projects, "Task"), "Status").getConstants())
        .extracting(c -> c.getName() + " = " + c.getTag()).containsExactly("STATUS_UNSPECIFIED = 0",
            "STATUS_TODO = 1", "STATUS_IN_PROGRESS = 2", "STATUS_IN_REVIEW = 3", "STATUS_DONE = 4");
    ProtoFileElement notifications = parse(ApiPlans.allServices("saas-projects", "grpc"), "notifications");
    assertThat(nestedEnum(message(notifications, "NotificationPreference"), "EmailDigest").getConstants())
        .extracting(EnumConstantElement::getName).startsWith("EMAIL_DIGEST_UNSPECIFIED", "EMAIL_DIGEST_NEVER");
  }

  @Test
  void theServiceHasUnaryCrudRpcsWithStandardRequestAndResponseNames() {
    ProtoFileElement inventory = parse(ApiPlans.plan("ecommerce"), "inventory");
    assertThat(inventory.getServices()).singleElement().satisfies(s -> assertThat(s.getName())
        .isEqualTo("InventoryService"));
    assertThat(rpcs(inventory)).containsExactly(
        "GetStockItem(GetStockItemRequest) returns (GetStockItemResponse)",
        "ListStockItems(ListStockItemsRequest) returns (ListStockItemsResponse)",
        "CreateStockItem(CreateStockItemRequest) returns (CreateStockItemResponse)",
        "UpdateStockItem(UpdateStockItemRequest) returns (UpdateStockItemResponse)",
        "DeleteStockItem(DeleteStockItemRequest) returns (DeleteStockItemResponse)");
    assertThat(fields(message(inventory, "GetStockItemRequest"))).containsExactly("string id = 1");
    assertThat(fields(message(inventory, "GetStockItemResponse"))).containsExactly("StockItem stock_item = 1");
    assertThat(fields(message(inventory, "ListStockItemsRequest"))).containsExactly("int32 page_size = 1",
        "string page_token = 2", "string filter = 3", "string order_by = 4");
    assertThat(fields(message(inventory, "ListStockItemsResponse"))).containsExactly(
        "repeated StockItem stock_items = 1", "string next_page_token = 2");
    assertThat(fields(message(inventory, "StockItemInput"))).containsExactly("string product_id = 1",
        "int32 on_hand = 2");
    assertThat(fields(message(inventory, "CreateStockItemRequest"))).containsExactly(
        "StockItemInput stock_item = 1", "string request_id = 2");
    assertThat(fields(message(inventory, "UpdateStockItemRequest"))).containsExactly("string id = 1",
        "StockItemInput stock_item = 2", "google.protobuf.FieldMask update_mask = 3");
    assertThat(fields(message(inventory, "DeleteStockItemResponse"))).isEmpty();
    assertThat(message(inventory, "ListStockItemsRequest").getFields().get(0).getDocumentation())
        .contains("1 to 100", "0 means 20");
    assertThat(message(inventory, "ListStockItemsRequest").getFields().get(2).getDocumentation())
        .contains("AIP-160", "product_id");
  }

  @Test
  void rpcCommentsNameTheAllowedRoles() {
    ProtoFileElement ledger = parse(ApiPlans.plan("fintech-ledger"), "ledger");
    assertThat(ledger.getServices().get(0).getRpcs().get(0).getDocumentation().replace('\n', ' '))
        .contains("Allowed roles: operator, auditor, admin.");
    assertThat(rpcs(ledger)).anyMatch(r -> r.startsWith("CreateLedgerAccount("))
        .noneMatch(r -> r.startsWith("CreateJournal(") || r.startsWith("DeleteLedgerEntry("))
        .contains("ListJournals(ListJournalsRequest) returns (ListJournalsResponse)");
    assertThat(hasMessage(ledger, "CreateJournalRequest")).isFalse();
    assertThat(new GrpcDeliverable().warnings(Facts.of(ApiPlans.plan("fintech-ledger"))))
        .contains("grpc: service 'ledger': no role may write Journal, so its service has only Get and List RPCs for it.");
  }

  @Test
  void commentsKeepAnyTextInsideComments() {
    Plan plan = ApiPlans.withApi(PlanFixtures.hostile(), Api.GRPC);
    Artifact proto = artifact(plan, "api/notes/notes.proto");
    assertThat(VALIDATOR.validate(proto)).isEmpty();
    assertThat(ProtoFiles.bufProblems(plan, dir)).isEmpty();
    MessageElement note = message(parse(plan, "notes"), "Note");
    assertThat(note.getDocumentation()).isEqualTo("A note: with \"quotes\" # and\nnew lines & {{ braces }}.");
  }

  @Test
  void renderingTheSamePlanTwiceGivesTheSameBytes() {
    Plan plan = ApiPlans.allServices("fintech-ledger", "grpc");
    assertThat(artifacts(plan)).isEqualTo(artifacts(plan));
  }
}
