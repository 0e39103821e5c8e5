package dev.archforge.deliverable.openapi;

import dev.archforge.model.Access;
import dev.archforge.model.Api;
import dev.archforge.model.Blueprint;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Budget;
import dev.archforge.model.Cloud;
import dev.archforge.model.Compliance;
import dev.archforge.model.Decision;
import dev.archforge.model.Decision.Origin;
import dev.archforge.model.Entity;
import dev.archforge.model.Exposure;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.IdType;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Project;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import dev.archforge.model.Team;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans built by hand: the e-commerce example of the requirements spec (catalog and orders REST,
 * inventory gRPC) and variations that reach every field type, relation kind, id type, soft
 * delete, secret and personal fields, each authentication and header versioning.
 */
public final class PlanFixtures {
  public static final BlueprintDefaults DEFAULTS = new BlueprintDefaults("https://api.example.com",
      "https://id.example.com/.well-known/openid-configuration", 255, 10000, 20, 100, 600,
      List.of("admin"));
  public static final List<String> AUTHENTICATIONS = List.of("oidc", "jwt", "api-key", "mtls", "none");
  public static final List<String> VERSIONINGS = List.of("url", "header");

  private PlanFixtures() {}

  /** The spec's example: OIDC, version in the URL. */
  public static Plan ecommerce() {
    return ecommerce("oidc", "url");
  }

  public static Plan ecommerce(String authentication, String versioning) {
    return plan(ecommerceRequirements(authentication), authentication, versioning);
  }

  /** One REST service, {@code lab}, whose entities use every field type and relation kind. */
  public static Plan everything(String authentication, String versioning) {
    return plan(everythingRequirements(authentication), authentication, versioning);
  }

  /** Descriptions and values full of YAML's special characters. */
  public static Plan hostile() {
    Field f = field("label", FieldType.STRING).maxLength(80).required()
        .description("Say \"hi\": # not a comment\nsecond line {{ x }} ${y} 'q' \\ end").build();
    Field e = field("mood", FieldType.ENUM).values("a: b", "# c", "\"quoted\"", "yes", "1.5", "null", "é ✓")
        .defaultValue("yes").build();
    Entity note = new Entity("Note", "A note: with \"quotes\" # and\nnew lines & {{ braces }}", IdType.UUID, true,
        false, List.of(f, e), List.of());
    Service svc = new Service("notes", "Notes: \"all\" of them # really\n- not a list", Language.JAVA, Api.REST,
        Exposure.PUBLIC, List.of("Note"), List.of(), List.of(), List.of(), Map.of());
    Project project = new Project("notes", "Acme \"Notes\": #1", "d", "x", Cloud.ANY, new Team(3,
        List.of(Language.JAVA)), new Budget(null));
    return plan(requirements(project, List.of(svc), List.of(note), "oidc", List.of("user")), "oidc", "url");
  }

  /** A REST service that owns nothing. */
  public static Plan empty() {
    Service svc = new Service("status", null, Language.JAVA, Api.REST, Exposure.INTERNAL, List.of(), List.of(),
        List.of(), List.of(), Map.of());
    return plan(requirements(project(), List.of(svc), List.of(), "jwt", List.of("admin")), "jwt", "url");
  }

  /** Every fixture with every authentication and versioning, named for test reports. */
  public static List<Named> all() {
    List<Named> list = new ArrayList<>();
    for (String auth : AUTHENTICATIONS) {
      for (String versioning : VERSIONINGS) {
        list.add(new Named("ecommerce " + auth + " " + versioning, ecommerce(auth, versioning)));
        list.add(new Named("everything " + auth + " " + versioning, everything(auth, versioning)));
      }
    }
    list.add(new Named("hostile", hostile()));
    list.add(new Named("empty", empty()));
    return list;
  }

  /** A plan with a name for parameterized tests. */
  public record Named(String name, Plan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Requirements ecommerceRequirements(String authentication) {
    Entity product = new Entity("Product", "An item for sale.", IdType.UUID, true, false, List.of(
        field("sku", FieldType.STRING).maxLength(32).required().unique().build(),
        field("name", FieldType.STRING).maxLength(200).required().build(),
        field("description", FieldType.TEXT).build(),
        field("price", FieldType.DECIMAL).precision(12, 2).required().min("0").build(),
        field("status", FieldType.ENUM).values("draft", "active", "retired").defaultValue("draft").build()),
        List.of(new Relation("category", "Category", RelationKind.MANY_TO_ONE, true, null)));
    Entity category = new Entity("Category", null, IdType.UUID, true, false, List.of(
        field("name", FieldType.STRING).maxLength(100).required().unique().build()), List.of());
    Entity customer = new Entity("Customer", null, IdType.UUID, true, false, List.of(
        field("email", FieldType.EMAIL).required().unique().pii().build(),
        field("fullName", FieldType.STRING).maxLength(120).pii().build()), List.of());
    Entity order = new Entity("Order", null, IdType.UUID, true, false, List.of(
        field("total", FieldType.DECIMAL).precision(12, 2).required().build(),
        field("status", FieldType.ENUM).values("placed", "paid", "shipped", "cancelled").required().build()),
        List.of(new Relation("customer", "Customer", RelationKind.MANY_TO_ONE, true, null),
            new Relation("lines", "OrderLine", RelationKind.ONE_TO_MANY, false, null)));
    Entity line = new Entity("OrderLine", null, IdType.UUID, true, false, List.of(
        field("quantity", FieldType.INTEGER).required().min("1").build(),
        field("productId", FieldType.UUID).required().build()),
        List.of(new Relation("order", "Order", RelationKind.MANY_TO_ONE, true, null)));
    Entity stock = new Entity("StockItem", null, IdType.UUID, true, false, List.of(
        field("productId", FieldType.UUID).required().unique().build(),
        field("onHand", FieldType.INTEGER).required().min("0").build()), List.of());
    Service catalog = new Service("catalog", "Browse products and categories.", Language.JAVA, Api.REST,
        Exposure.PUBLIC, List.of("Product", "Category"), List.of("ProductPriceChanged"), List.of(),
        List.of("inventory"), Map.of("Product", new Access(List.of(Security.ANONYMOUS, "customer", "staff"),
            List.of("staff", "admin"))));
    Service orders = new Service("orders", null, Language.JAVA, Api.REST, Exposure.PUBLIC,
        List.of("Order", "OrderLine", "Customer"), List.of("OrderPlaced"), List.of(), List.of("catalog"), Map.of());
    Service inventory = new Service("inventory", null, Language.JAVA, Api.GRPC, Exposure.INTERNAL,
        List.of("StockItem"), List.of(), List.of("OrderPlaced"), List.of(), Map.of());
    return requirements(project(), List.of(catalog, orders, inventory),
        List.of(product, category, customer, order, line, stock), authentication,
        List.of("customer", "staff", "admin"));
  }

  static Requirements everythingRequirements(String authentication) {
    Entity sample = new Entity("Sample", "Holds one field of every type.", IdType.LONG, true, true, List.of(
        field("code", FieldType.STRING).minLength(3).maxLength(12).pattern("^[A-Z]{3}-\\d{4,6}$").required()
            .unique().build(),
        field("title", FieldType.STRING).required().indexed().build(),
        field("body", FieldType.TEXT).description("Free text").build(),
        field("count", FieldType.INTEGER).min("-5").max("5").defaultValue("0").indexed().build(),
        field("total", FieldType.LONG).min("10").build(),
        field("amount", FieldType.DECIMAL).precision(5, 3).min("-10.5").max("10.5").required().build(),
        field("ratio", FieldType.DECIMAL).precision(4, 4).min("0").build(),
        field("whole", FieldType.DECIMAL).precision(6, 0).build(),
        field("active", FieldType.BOOLEAN).defaultValue("true").build(),
        field("day", FieldType.DATE).indexed().build(),
        field("at", FieldType.DATETIME).required().build(),
        field("ref", FieldType.UUID).unique().build(),
        field("contact", FieldType.EMAIL).pii().indexed().build(),
        field("homepage", FieldType.URL).build(),
        field("level", FieldType.ENUM).values("low", "mid", "high").build(),
        field("settings", FieldType.JSON).defaultValue("{\"theme\": \"dark\", \"size\": 3}").build(),
        field("avatar", FieldType.BYTES).build(),
        field("password", FieldType.STRING).maxLength(128).minLength(12).required().secret().build(),
        field("apiToken", FieldType.STRING).secret().unique().build()),
        List.of(new Relation("owner", "Person", RelationKind.MANY_TO_ONE, true, "Who is responsible"),
            new Relation("twin", "Twin", RelationKind.ONE_TO_ONE, false, null),
            new Relation("tags", "Tag", RelationKind.MANY_TO_MANY, false, null),
            new Relation("notes", "Address", RelationKind.ONE_TO_MANY, false, null)));
    Entity person = new Entity("Person", null, IdType.LONG, false, false, List.of(
        field("fullName", FieldType.STRING).maxLength(120).required().pii().build()), List.of());
    Entity twin = new Entity("Twin", null, IdType.UUID, false, true, List.of(
        field("label", FieldType.STRING).build()), List.of());
    Entity tag = new Entity("Tag", null, IdType.UUID, true, false, List.of(
        field("name", FieldType.STRING).maxLength(40).required().unique().build()), List.of());
    Entity address = new Entity("Address", null, IdType.UUID, true, false, List.of(
        field("line1", FieldType.STRING).maxLength(100).required().build()),
        List.of(new Relation("sample", "Sample", RelationKind.MANY_TO_ONE, true, null)));
    Service lab = new Service("lab", "Exercises every construct.", Language.JAVA, Api.REST, Exposure.INTERNAL,
        List.of("Sample", "Person", "Twin", "Tag", "Address"), List.of(), List.of(), List.of(),
        Map.of("Tag", new Access(List.of(Security.ANONYMOUS), List.of("admin", Security.ANONYMOUS))));
    Service reports = new Service("reports", null, Language.GO, Api.GRAPHQL, Exposure.INTERNAL, List.of(),
        List.of(), List.of(), List.of(), Map.of());
    return requirements(project(), List.of(lab, reports), List.of(sample, person, twin, tag, address),
        authentication, List.of("viewer", "admin"));
  }

  static Plan plan(Requirements requirements, String authentication, String versioning) {
    Blueprint blueprint = new Blueprint("standard", "test blueprint", List.of("openapi"), DEFAULTS, "built-in",
        List.of(), null, null);
    return new Plan(requirements, blueprint, List.of(decision("api-versioning", versioning),
        decision("authentication", authentication)), null, null, List.of(), List.of(), List.of());
  }

  static Decision decision(String topic, String choice) {
    return new Decision(topic, topic, "", choice, Origin.RULES, "test", List.of("test"), List.of(), List.of(),
        List.of(), null, List.of());
  }

  static Project project() {
    return new Project("shop", "Acme Shop", "Online store selling electronics across the EU.", "e-commerce",
        Cloud.AWS, new Team(8, List.of(Language.JAVA)), new Budget(20000));
  }

  static Requirements requirements(Project project, List<Service> services, List<Entity> entities,
      String authentication, List<String> roles) {
    Scale scale = new Scale(100000, 5000, 0.9, 500.0, 40.0, 300, 99.95, 1, List.of(), false);
    Security security = new Security(dev.archforge.model.Spelled.parse(
        dev.archforge.model.Authentication.class, authentication).orElseThrow(), roles);
    return new Requirements(1, project, scale, List.of(Compliance.GDPR, Compliance.PCI_DSS), security, services,
        entities, List.of(), Map.of(), Map.of(), Map.of(), "standard");
  }

  static FieldBuilder field(String name, FieldType type) {
    return new FieldBuilder(name, type);
  }

  /** Builds a {@link Field} with only the constraints a test names. */
  static final class FieldBuilder {
    private final String name;
    private final FieldType type;
    private Integer maxLength;
    private Integer minLength;
    private String pattern;
    private Integer precision;
    private Integer scale;
    private List<String> values = List.of();
    private boolean required;
    private boolean unique;
    private boolean indexed;
    private String defaultValue;
    private BigDecimal min;
    private BigDecimal max;
    private String description;
    private boolean pii;
    private boolean secret;

    FieldBuilder(String name, FieldType type) {
      this.name = name;
      this.type = type;
      if (type == FieldType.DECIMAL) {
        precision = 19;
        scale = 2;
      }
    }

    FieldBuilder maxLength(int n) { maxLength = n; return this; }
    FieldBuilder minLength(int n) { minLength = n; return this; }
    FieldBuilder pattern(String p) { pattern = p; return this; }
    FieldBuilder precision(int p, int s) { precision = p; scale = s; return this; }
    FieldBuilder values(String... v) { values = List.of(v); return this; }
    FieldBuilder required() { required = true; return this; }
    FieldBuilder unique() { unique = true; return this; }
    FieldBuilder indexed() { indexed = true; return this; }
    FieldBuilder defaultValue(String v) { defaultValue = v; return this; }
    FieldBuilder min(String v) { min = new BigDecimal(v); return this; }
    FieldBuilder max(String v) { max = new BigDecimal(v); return this; }
    FieldBuilder description(String d) { description = d; return this; }
    FieldBuilder pii() { pii = true; return this; }
    FieldBuilder secret() { secret = true; return this; }

    Field build() {
      return new Field(name, type, maxLength, minLength, pattern, precision, scale, values, required, unique,
          indexed, defaultValue, min, max, description, pii, secret);
    }
  }
}
