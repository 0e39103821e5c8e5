package dev.archforge.deliverable.graphql;

import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.language.SourceLocation;
import graphql.parser.MultiSourceReader;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.schema.validation.InvalidSchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks GraphQL schemas (SDL) with graphql-java: parses them and builds the schema, which checks
 * every type reference, directive use and argument value, interface implementation and default
 * value. Custom scalars need no code to be checked (graphql-java's un-executable schema stands in
 * for their coercion). Each problem becomes a finding at its line (a definition's own line, not
 * its description's); the column, where graphql-java gives one, is in the message.
 */
public final class GraphqlValidator implements Validator {
  @Override
  public String name() {
    return "graphql";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(GraphqlDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    try {
      MultiSourceReader reader = MultiSourceReader.newMultiSourceReader()
          .string(artifact.content(), artifact.path()).trackData(true).build();
      TypeDefinitionRegistry registry = new SchemaParser().parse(reader);
      UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
      return List.of();
    } catch (SchemaProblem problem) {
      List<Finding> findings = new ArrayList<>();
      for (GraphQLError error : problem.getErrors()) {
        findings.add(finding(artifact, error.getMessage(), error.getLocations(), !(error instanceof InvalidSyntaxError)));
      }
      return findings.isEmpty() ? List.of(new Finding(artifact.path(), 0, problem.getMessage(), name()))
          : List.copyOf(findings);
    } catch (InvalidSchemaException e) {
      return List.of(new Finding(artifact.path(), 0, "invalid schema: " + e.getMessage(), name()));
    } catch (RuntimeException e) {
      return List.of(new Finding(artifact.path(), 0, "graphql-java could not read the schema: " + e, name()));
    }
  }

  /** @param definition whether the location is a definition's (not a syntax error's token) */
  private Finding finding(Artifact artifact, String message, List<SourceLocation> locations, boolean definition) {
    SourceLocation at = locations == null || locations.isEmpty() ? null : locations.get(0);
    if (at == null || at.getLine() <= 0) {
      return new Finding(artifact.path(), 0, message, name());
    }
    int line = definition ? definitionLine(artifact.content().lines().toList(), at.getLine()) : at.getLine();
    String column = at.getColumn() > 0 && line == at.getLine() ? " (column " + at.getColumn() + ")" : "";
    return new Finding(artifact.path(), line, message + column, name());
  }

  /**
   * graphql-java places a definition at its description; the finding names the line after it,
   * where the definition's name is. Any other line is kept.
   */
  static int definitionLine(List<String> lines, int line) {
    if (line > lines.size()) {
      return line;
    }
    String text = lines.get(line - 1).strip();
    if (text.startsWith("\"\"\"")) {
      boolean closedOnSameLine = text.length() >= 6 && text.endsWith("\"\"\"");
      for (int i = closedOnSameLine ? line : line + 1; i <= lines.size(); i++) {
        if (closedOnSameLine || lines.get(i - 1).strip().endsWith("\"\"\"")) {
          return Math.min(i + 1, lines.size());
        }
      }
      return line;
    }
    return text.startsWith("\"") && line < lines.size() ? line + 1 : line;
  }
}
