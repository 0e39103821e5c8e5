package dev.archforge.facts.api;

import java.util.List;

/**
 * One operation of a path item.
 *
 * @param method lower-case HTTP method
 * @param parameterRefs names under {@code components/parameters} the operation uses
 * @param parameters parameters of this operation alone (filters, sort)
 * @param requestBody the body, or null
 * @param success the one 2xx response
 * @param errors the reusable error responses that apply, by status
 * @param security the alternatives, each a scheme and its scopes; an empty scheme name means no
 *     credentials ({@code {}}); an empty list means {@code security: []}
 * @param roles the roles allowed to call it, without the anonymous pseudo-role (for the
 *     authorization matrix; the description says the same in words)
 * @param fromStates for a domain operation on one resource, the states it starts from
 *     ({@code x-from-states}); empty otherwise
 */
public record OperationView(
    String method,
    String tag,
    String operationId,
    String summary,
    String description,
    List<String> parameterRefs,
    List<ParameterView> parameters,
    RequestBodyView requestBody,
    SuccessView success,
    List<ResponseRefView> errors,
    List<SecurityRequirementView> security,
    List<String> roles,
    List<String> fromStates) {

  /** A CRUD operation: no states. */
  public OperationView(String method, String tag, String operationId, String summary, String description,
      List<String> parameterRefs, List<ParameterView> parameters, RequestBodyView requestBody, SuccessView success,
      List<ResponseRefView> errors, List<SecurityRequirementView> security, List<String> roles) {
    this(method, tag, operationId, summary, description, parameterRefs, parameters, requestBody, success, errors,
        security, roles, List.of());
  }

  public OperationView {
    fromStates = List.copyOf(fromStates);
    parameterRefs = List.copyOf(parameterRefs);
    parameters = List.copyOf(parameters);
    errors = List.copyOf(errors);
    security = List.copyOf(security);
    roles = List.copyOf(roles);
  }
}
