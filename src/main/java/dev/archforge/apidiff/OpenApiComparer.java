package dev.archforge.apidiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * OpenAPI through openapi-diff: removed and new operations, parameters, request bodies, responses
 * and the schemas in them, each classified as openapi-diff does, and further, since our request
 * bodies refuse unknown properties: a property removed from a request that refuses unknown ones,
 * or from a response, breaks clients too. A change to a schema that several operations use is
 * listed once, with the operations. A domain operation that starts from fewer states
 * ({@code x-from-states}) breaks the clients that call it from the others ({@link FromStates}).
 */
final class OpenApiComparer implements ContractComparer {
  @Override
  public List<Difference> compare(String before, String after) {
    OpenAPI old = parse(before);
    OpenAPI now = parse(after);
    List<Difference> differences = new ArrayList<>(FromStates.narrowed(old, now));
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(parse(before), parse(after));
    diff.getMissingEndpoints().forEach(e -> differences.add(Difference.breaking("removed operation " + name(e))));
    diff.getNewEndpoints().forEach(e -> differences.add(Difference.compatible("new operation " + name(e))));
    Map<Difference, Set<String>> byOperation = new LinkedHashMap<>();
    for (ChangedOperation op : diff.getChangedOperations()) {
      String at = op.getHttpMethod() + " " + op.getPathUrl();
      List<Difference> found = new ArrayList<>();
      SchemaChanges schemas = new SchemaChanges(found);
      parameters(op.getParameters(), schemas, found);
      requestBody(op.getRequestBody(), schemas, found);
      responses(op.getApiResponses(), schemas, found);
      if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
        found.add(Difference.breaking("stricter security requirements"));
      }
      if (op.isIncompatible() && found.stream().noneMatch(Difference::breaking)) {
        found.add(Difference.breaking("a change openapi-diff finds incompatible"));
      }
      found.forEach(d -> byOperation.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(at));
    }
    byOperation.forEach((d, ops) -> differences.add(new Difference(null, d.what() + " (" + String.join(", ", ops) + ")",
        d.breaking())));
    return differences;
  }

  private static OpenAPI parse(String content) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(content, null, options).getOpenAPI();
    if (api == null) {
      throw new IllegalArgumentException("not an OpenAPI document");
    }
    return api;
  }

  private static String name(Endpoint e) {
    return e.getMethod() + " " + e.getPathUrl();
  }

  private static void parameters(ChangedParameters params, SchemaChanges schemas, List<Difference> found) {
    if (params == null) {
      return;
    }
    for (Parameter p : params.getMissing()) {
      found.add(Difference.breaking("removed " + p.getIn() + " parameter '" + p.getName() + "'"));
    }
    for (Parameter p : params.getIncreased()) {
      boolean required = Boolean.TRUE.equals(p.getRequired());
      found.add(new Difference(null, "new " + (required ? "required " : "optional ") + p.getIn() + " parameter '"
          + p.getName() + "'", required));
    }
    for (ChangedParameter p : params.getChanged()) {
      String where = p.getIn() + " parameter '" + p.getName() + "'";
      if (p.isChangeRequired()) {
        boolean required = Boolean.TRUE.equals(p.getNewParameter().getRequired());
        found.add(new Difference(null, where + (required ? " is now required" : " is now optional"), required));
      }
      schemas.walk(p.getSchema(), where, "");
    }
  }

  private static void requestBody(ChangedRequestBody body, SchemaChanges schemas, List<Difference> found) {
    if (body == null) {
      return;
    }
    if (body.isChangeRequired()) {
      boolean required = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
      found.add(new Difference(null, "request body is now " + (required ? "required" : "optional"), required));
    }
    content(body.getContent(), "request body", schemas, found, true);
  }

  private static void responses(ChangedApiResponse responses, SchemaChanges schemas, List<Difference> found) {
    if (responses == null) {
      return;
    }
    responses.getMissing().keySet().forEach(s -> found.add(Difference.breaking("no longer answers " + s)));
    responses.getIncreased().keySet().forEach(s -> found.add(Difference.compatible("may now answer " + s)));
    for (Map.Entry<String, ChangedResponse> r : responses.getChanged().entrySet()) {
      if (r.getValue().getHeaders() != null && r.getValue().getHeaders().isIncompatible()) {
        found.add(Difference.breaking("response " + r.getKey() + ": headers clients rely on changed"));
      }
      content(r.getValue().getContent(), "response", schemas, found, false);
    }
  }

  private static void content(ChangedContent content, String where, SchemaChanges schemas, List<Difference> found,
      boolean request) {
    if (content == null) {
      return;
    }
    content.getMissing().keySet().forEach(m -> found.add(Difference.breaking(where + ": no longer " + (request
        ? "accepts " : "returns ") + m)));
    content.getIncreased().keySet().forEach(m -> found.add(Difference.compatible(where + ": now also " + (request
        ? "accepts " : "returns ") + m)));
    content.getChanged().values().forEach(media -> schemas.walk(media.getSchema(), where, ""));
  }
}
