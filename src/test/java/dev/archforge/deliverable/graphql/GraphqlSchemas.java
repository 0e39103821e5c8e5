package dev.archforge.deliverable.graphql;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;
import java.util.Map;

/** Renders schemas with the real renderer and reads them back with graphql-java, for assertions. */
final class GraphqlSchemas {
  private GraphqlSchemas() {}

  static List<Artifact> artifacts(Plan plan) {
    return new GraphqlDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  static String schema(Plan plan, String service) {
    return artifacts(plan).stream().filter(a -> a.path().equals("api/" + service + "/schema.graphql")).findFirst()
        .orElseThrow(() -> new AssertionError("no schema for " + service)).content();
  }

  static TypeDefinitionRegistry registry(String sdl) {
    return new SchemaParser().parse(sdl);
  }

  @SuppressWarnings("rawtypes")
  static TypeDefinition type(TypeDefinitionRegistry registry, String name) {
    TypeDefinition found = registry.getTypeOrNull(name);
    if (found == null) {
      throw new AssertionError("no type " + name);
    }
    return found;
  }

  static FieldDefinition field(TypeDefinitionRegistry registry, String type, String field) {
    return ((ObjectTypeDefinition) type(registry, type)).getFieldDefinitions().stream()
        .filter(f -> f.getName().equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + type + "." + field));
  }

  /**
   * The schema made executable: every custom scalar wired with a pass-through coercing, object
   * fields with graphql-java's default property fetchers.
   */
  static GraphQLSchema executable(String sdl) {
    TypeDefinitionRegistry registry = registry(sdl);
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    for (ScalarTypeDefinition scalar : registry.scalars().values()) {
      if (!ScalarInfoNames.BUILT_IN.contains(scalar.getName())) {
        wiring.scalar(GraphQLScalarType.newScalar().name(scalar.getName()).coercing(new PassThrough()).build());
      }
    }
    if (registry.hasType("UserError")) {
      wiring.type(TypeRuntimeWiring.newTypeWiring("UserError").typeResolver(env -> null));
    }
    return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
  }

  /** Runs the standard introspection query; fails the test on any error. */
  static Map<String, Object> introspect(String sdl) {
    ExecutionResult result = GraphQL.newGraphQL(executable(sdl)).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
    assertThat(result.getErrors()).isEmpty();
    return result.getData();
  }

  /** The names of graphql-java's built-in scalars, which need no wiring. */
  private static final class ScalarInfoNames {
    static final List<String> BUILT_IN = List.of("String", "Int", "Float", "Boolean", "ID");
  }

  @SuppressWarnings("deprecation")
  private static final class PassThrough implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object value) {
      return value;
    }

    @Override
    public Object parseValue(Object input) {
      return input;
    }

    @Override
    public Object parseLiteral(Object input) {
      return input;
    }
  }

  /** The e-commerce sample with every service on GraphQL. */
  static Plan catalog() {
    return ApiPlans.allServices("ecommerce", "graphql");
  }

  static String typeOf(FieldDefinition f) {
    return AstPrinter.printAst(f.getType());
  }

  static String signature(FieldDefinition f) {
    List<String> args = f.getInputValueDefinitions().stream()
        .map(v -> v.getName() + ": " + AstPrinter.printAst(v.getType())).toList();
    return "(" + String.join(", ", args) + "): " + typeOf(f);
  }

  static List<String> inputFields(TypeDefinitionRegistry r, String name) {
    return ((InputObjectTypeDefinition) type(r, name)).getInputValueDefinitions().stream()
        .map(v -> v.getName() + ": " + AstPrinter.printAst(v.getType())
            + (v.getDefaultValue() == null ? "" : " = " + AstPrinter.printAst(v.getDefaultValue())))
        .toList();
  }

  static List<String> roles(Object container) {
    Directive auth = ((DirectivesContainer<?>) container).getDirectives("auth").get(0);
    return ((ArrayValue) auth.getArgument("roles").getValue()).getValues().stream()
        .map(v -> ((StringValue) v).getValue()).toList();
  }
}
