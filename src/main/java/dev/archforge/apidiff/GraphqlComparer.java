package dev.archforge.apidiff;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffLevel;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * GraphQL through graphql-java's schema diff. Its breakages break clients; so do its dangerous
 * changes (a new enum value, a default changed), which fail clients that handle every value they
 * knew; its informational changes (a new field, type or optional argument) do not. A mutation whose
 * description no longer names a state it started from breaks callers from there ({@link FromStates}).
 */
final class GraphqlComparer implements ContractComparer {
  @Override
  public List<Difference> compare(String before, String after) {
    GraphQLSchema old = schema(before);
    GraphQLSchema now = schema(after);
    CapturingReporter reporter = new CapturingReporter();
    new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(old, now), reporter);
    List<Difference> differences = new ArrayList<>();
    for (DiffEvent e : reporter.getEvents()) {
      if (e.getCategory() == null) {
        continue; // "Examining type ...": a step of the walk, not a change
      }
      boolean breaking = e.getLevel() != DiffLevel.INFO;
      differences.add(new Difference(null, where(e) + e.getReasonMsg()
          + (e.getLevel() == DiffLevel.DANGEROUS ? " (dangerous: clients that handle every known value fail)" : ""),
          breaking));
    }
    if (old.getMutationType() != null && now.getMutationType() != null) {
      for (GraphQLFieldDefinition field : old.getMutationType().getFieldDefinitions()) {
        GraphQLFieldDefinition next = now.getMutationType().getFieldDefinition(field.getName());
        if (next != null) {
          FromStates.narrowedDocumentation(field.getDescription(), next.getDescription(),
              "a call from there now answers StateError", "mutation " + field.getName()).ifPresent(differences::add);
        }
      }
    }
    return differences;
  }

  private static GraphQLSchema schema(String sdl) {
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
  }

  private static String where(DiffEvent e) {
    String type = e.getTypeName() == null ? "" : e.getTypeName() + (e.getFieldName() == null ? "" : "." + e.getFieldName());
    return type.isEmpty() ? "" : type + ": ";
  }
}
