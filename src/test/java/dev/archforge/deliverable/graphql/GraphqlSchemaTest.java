package dev.archforge.deliverable.graphql;

import static dev.archforge.deliverable.graphql.GraphqlSchemas.catalog;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.field;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.inputFields;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.registry;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.roles;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.schema;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.signature;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.type;
import static dev.archforge.deliverable.graphql.GraphqlSchemas.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.model.Api;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Plan;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the generated schemas contain, read back with graphql-java's parser. */
class GraphqlSchemaTest {
  @Test
  void entitiesBecomeObjectTypesWithGeneratedFields() {
    TypeDefinitionRegistry r = registry(schema(catalog(), "catalog"));
    ObjectTypeDefinition product = (ObjectTypeDefinition) type(r, "Product");
    assertThat(product.getDescription().getContent()).isEqualTo("An item for sale.");
    assertThat(product.getFieldDefinitions()).extracting(f -> f.getName() + ": " + typeOf(f)).containsExactly(
        "id: ID!", "sku: String!", "name: String!", "description: String", "price: Decimal!",
        "status: ProductStatus!", "category: Category!", "version: Int!", "createdAt: DateTime!",
        "updatedAt: DateTime!");
    assertThat(field(r, "Product", "sku").getDescription().getContent())
        .contains("At most 32 characters", "Unique among all products");
    assertThat(field(r, "Product", "price").getDescription().getContent())
        .contains("Up to 10 digits before the point and 2 after it", "At least 0");
    EnumTypeDefinition status = (EnumTypeDefinition) type(r, "ProductStatus");
    assertThat(status.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
        .containsExactly("DRAFT", "ACTIVE", "RETIRED");
  }

  @Test
  void relationsWithinTheServiceAreObjectFieldsAndOtherServicesIdsAreIds() {
    TypeDefinitionRegistry r = registry(schema(ApiPlans.allServices("ecommerce", "graphql"), "orders"));
    assertThat(typeOf(field(r, "Order", "customer"))).isEqualTo("Customer!");
    FieldDefinition lines = field(r, "Order", "lines");
    assertThat(typeOf(lines)).isEqualTo("OrderLineConnection!");
    assertThat(lines.getInputValueDefinitions()).extracting(InputValueDefinition::getName)
        .containsExactly("first", "after");
    assertThat(typeOf(field(r, "OrderLine", "order"))).isEqualTo("Order!");
    assertThat(typeOf(field(r, "OrderLine", "productId"))).isEqualTo("ID!");
    assertThat(inputFields(r, "CreateOrderLineInput")).contains("orderId: ID!", "productId: ID!", "quantity: Int!");
  }

  @Test
  void secretFieldsAreNeverReadable() {
    TypeDefinitionRegistry r = registry(schema(ApiPlans.allServices("fintech-ledger", "graphql"), "accounts"));
    assertThat(((ObjectTypeDefinition) type(r, "Customer")).getFieldDefinitions()).extracting(FieldDefinition::getName)
        .doesNotContain("nationalId").contains("email");
    assertThat(((ObjectTypeDefinition) type(r, "Card")).getFieldDefinitions()).extracting(FieldDefinition::getName)
        .doesNotContain("cardToken");
    assertThat(inputFields(r, "CreateCustomerInput")).contains("nationalId: String");
    assertThat(inputFields(r, "CreateCardInput")).contains("cardToken: String!");
    assertThat(inputFields(r, "UpdateCardInput")).contains("cardToken: String");
    assertThat(inputFields(r, "CustomerFilter")).noneMatch(f -> f.startsWith("nationalId"));
  }

  @Test
  void listsAreRelayConnectionsBoundedByTheBlueprintsPageSizes() {
    Plan plan = ApiPlans.withDefaults(catalog(), new BlueprintDefaults("https://api.example.com",
        "https://id.example.com/.well-known/openid-configuration", 255, 10000, 10, 50, 600, List.of("admin")));
    TypeDefinitionRegistry r = registry(schema(plan, "catalog"));
    FieldDefinition products = field(r, "Query", "products");
    assertThat(products.getInputValueDefinitions()).extracting(v -> v.getName() + ": " + AstPrinter.printAst(v.getType())
        + (v.getDefaultValue() == null ? "" : " = " + AstPrinter.printAst(v.getDefaultValue())))
        .containsExactly("first: Int = 10", "after: String", "filter: ProductFilter",
            "orderBy: ProductOrder = {field : CREATED_AT, direction : DESC}");
    assertThat(products.getInputValueDefinitions().get(0).getDescription().getContent()).contains("1 to 50");
    assertThat(typeOf(products)).isEqualTo("ProductConnection!");
    assertThat(((ObjectTypeDefinition) type(r, "ProductConnection")).getFieldDefinitions())
        .extracting(f -> f.getName() + ": " + typeOf(f))
        .containsExactly("edges: [ProductEdge!]!", "nodes: [Product!]!", "pageInfo: PageInfo!");
    assertThat(((ObjectTypeDefinition) type(r, "ProductEdge")).getFieldDefinitions())
        .extracting(f -> f.getName() + ": " + typeOf(f)).containsExactly("cursor: String!", "node: Product!");
    assertThat(((ObjectTypeDefinition) type(r, "PageInfo")).getFieldDefinitions())
        .extracting(f -> f.getName() + ": " + typeOf(f)).containsExactly("hasNextPage: Boolean!",
            "hasPreviousPage: Boolean!", "startCursor: String", "endCursor: String");
    assertThat(typeOf(field(r, "Query", "product"))).isEqualTo("Product");
  }

  @Test
  void filtersAndOrdersUseUniqueIndexedAndEnumFieldsAndReferences() {
    TypeDefinitionRegistry r = registry(schema(catalog(), "catalog"));
    assertThat(inputFields(r, "ProductFilter")).containsExactly("sku: String", "status: ProductStatus",
        "categoryId: ID");
    assertThat(((EnumTypeDefinition) type(r, "ProductOrderField")).getEnumValueDefinitions())
        .extracting(EnumValueDefinition::getName).containsExactly("ID", "SKU", "STATUS", "CREATED_AT", "UPDATED_AT");
    assertThat(inputFields(r, "ProductOrder")).containsExactly("field: ProductOrderField!",
        "direction: OrderDirection! = ASC");
    TypeDefinitionRegistry ledger = registry(schema(ApiPlans.allServices("fintech-ledger", "graphql"), "ledger"));
    assertThat(field(ledger, "Query", "journals").getInputValueDefinitions().get(3).getDefaultValue())
        .satisfies(v -> assertThat(AstPrinter.printAst(v)).isEqualTo("{field : ID, direction : ASC}"));
  }

  @Test
  void mutationsTakeInputsAndReturnPayloadsWithErrorsAsData() {
    TypeDefinitionRegistry r = registry(schema(catalog(), "catalog"));
    assertThat(signature(field(r, "Mutation", "createProduct")))
        .isEqualTo("(input: CreateProductInput!): CreateProductPayload!");
    assertThat(signature(field(r, "Mutation", "updateProduct")))
        .isEqualTo("(id: ID!, input: UpdateProductInput!, expectedVersion: Int): UpdateProductPayload!");
    assertThat(signature(field(r, "Mutation", "deleteProduct"))).isEqualTo("(id: ID!): DeleteProductPayload!");
    assertThat(((ObjectTypeDefinition) type(r, "CreateProductPayload")).getFieldDefinitions())
        .extracting(f -> f.getName() + ": " + typeOf(f)).containsExactly("product: Product", "errors: [UserError!]!");
    assertThat(((ObjectTypeDefinition) type(r, "DeleteProductPayload")).getFieldDefinitions())
        .extracting(f -> f.getName() + ": " + typeOf(f)).containsExactly("deletedId: ID", "errors: [UserError!]!");
    assertThat(type(r, "UserError")).isInstanceOf(InterfaceTypeDefinition.class);
    for (String error : List.of("NotFoundError", "ValidationError", "ConflictError", "ForbiddenError")) {
      ObjectTypeDefinition t = (ObjectTypeDefinition) type(r, error);
      assertThat(t.getImplements()).extracting(AstPrinter::printAst).containsExactly("UserError");
    }
    assertThat(typeOf(field(r, "ValidationError", "field"))).isEqualTo("String!");
    assertThat(inputFields(r, "CreateProductInput")).containsExactly("sku: String!", "name: String!",
        "description: String", "price: Decimal!", "status: ProductStatus = DRAFT", "categoryId: ID!");
    assertThat(inputFields(r, "UpdateProductInput")).containsExactly("sku: String", "name: String",
        "description: String", "price: Decimal", "status: ProductStatus", "categoryId: ID");
  }

  @Test
  void defaultsOfCreateInputsAreLiteralsOfTheirType() {
    Plan plan = ApiPlans.allServices("saas-projects", "graphql");
    TypeDefinitionRegistry orgs = registry(schema(plan, "organizations"));
    assertThat(inputFields(orgs, "CreateOrganizationInput")).contains("plan: OrganizationPlan = FREE",
        "seatLimit: Int = 5", "dataRegion: OrganizationDataRegion = EU");
    TypeDefinitionRegistry projects = registry(schema(plan, "projects"));
    assertThat(inputFields(projects, "CreateLabelInput")).contains("color: String = \"#888888\"");
    assertThat(((EnumTypeDefinition) type(projects, "TaskStatus")).getEnumValueDefinitions())
        .extracting(EnumValueDefinition::getName).containsExactly("TODO", "IN_PROGRESS", "IN_REVIEW", "DONE");
    TypeDefinitionRegistry notifications = registry(schema(plan, "notifications"));
    assertThat(((EnumTypeDefinition) type(notifications, "NotificationKind")).getEnumValueDefinitions())
        .extracting(EnumValueDefinition::getName)
        .containsExactly("TASK_ASSIGNED", "TASK_STATUS_CHANGED", "COMMENT_ADDED", "MEMBER_INVITED");
  }

  @Test
  void theAuthDirectiveIsDeclaredAndCarriesTheRolesOfTheAccessList() {
    String sdl = schema(catalog(), "catalog");
    TypeDefinitionRegistry r = registry(sdl);
    assertThat(r.getDirectiveDefinition("auth")).hasValueSatisfying(d -> {
      assertThat(d.getInputValueDefinitions()).extracting(v -> v.getName() + ": " + AstPrinter.printAst(v.getType()))
          .containsExactly("roles: [String!]!");
      assertThat(d.getDirectiveLocations()).extracting(l -> l.getName()).containsExactly("OBJECT",
          "FIELD_DEFINITION");
    });
    assertThat(roles(type(r, "Product"))).containsExactly("anonymous", "customer", "staff");
    assertThat(roles(field(r, "Query", "products"))).containsExactly("anonymous", "customer", "staff");
    assertThat(roles(field(r, "Mutation", "createProduct"))).containsExactly("staff", "admin");
    // Category has no access entry: the privileged role alone (deny by default).
    assertThat(roles(type(r, "Category"))).containsExactly("admin");
    assertThat(roles(field(r, "Mutation", "deleteCategory"))).containsExactly("admin");
  }

  @Test
  void scalarsAreDeclaredWhenUsedWithTheirSpecification() {
    TypeDefinitionRegistry catalog = registry(schema(catalog(), "catalog"));
    assertThat(catalog.scalars().keySet()).contains("DateTime", "Decimal").doesNotContain("UUID", "JSON", "Email");
    assertThat(catalog.scalars().get("DateTime").getDirectives("specifiedBy")).singleElement()
        .satisfies(d -> assertThat(((StringValue) d.getArgument("url").getValue()).getValue())
            .isEqualTo("https://scalars.graphql.org/andimarek/date-time.html"));
    assertThat(catalog.scalars().get("Decimal").getDirectives("specifiedBy")).isEmpty();
    TypeDefinitionRegistry lab = registry(schema(ApiPlans.withApi(PlanFixtures.everything("oidc", "url"),
        Api.GRAPHQL), "lab"));
    assertThat(lab.scalars().keySet()).contains("Date", "UUID", "Email", "URL", "JSON", "Long", "Base64");
    for (String name : List.of("Date", "UUID", "Email", "URL", "JSON", "Base64")) {
      assertThat(lab.scalars().get(name).getDirectives("specifiedBy")).as(name).hasSize(1);
    }
  }
}
