package dev.archforge.deliverable.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors as data: the {@code UserError} interface that every payload's {@code errors} lists, and
 * its four kinds. Clients select {@code message} on any error and the details with
 * {@code ... on ValidationError { field }}.
 */
final class UserErrors {
  private UserErrors() {}

  /** @param states whether a mutation starts from given states, so that a {@code StateError} may come back */
  static List<TypeView> types(boolean states) {
    FieldView message = FieldView.of("What went wrong, in a sentence for people.", "message", "String!");
    String implementing = "UserError";
    List<TypeView> types = new ArrayList<>(List.of(
        new TypeView("interface", Doc.of("A reason a mutation did not happen that the caller can act on. "
            + "Mutations return these in their payload's errors instead of failing; unexpected failures are "
            + "GraphQL errors."), "UserError", null, null, List.of(message)),
        new TypeView("type", Doc.of("No record has the id given."), "NotFoundError", implementing, null, List.of(
            message, FieldView.of("The id that was not found.", "id", "ID!"))),
        new TypeView("type", Doc.of("An input field breaks its rules (required, length, range, pattern, "
            + "format)."), "ValidationError", implementing, null, List.of(message,
            FieldView.of("The input field, as a path such as input.name.", "field", "String!"))),
        new TypeView("type", Doc.of("The change conflicts with the current state: expectedVersion is stale, a "
            + "unique value is taken, or other records still refer to the one to delete."), "ConflictError",
            implementing, null, List.of(message, FieldView.of("The version the record has now, when "
            + "expectedVersion was stale; otherwise null.", "currentVersion", "Int"))),
        new TypeView("type", Doc.of("The caller holds none of the roles the mutation allows."), "ForbiddenError",
            implementing, null, List.of(message, FieldView.of("The roles that would allow it.", "requiredRoles",
            "[String!]!")))));
    if (states) {
      types.add(new TypeView("type", Doc.of("The record is in a state the operation does not start from; nothing "
          + "was changed."), "StateError", implementing, null, List.of(message,
          FieldView.of("The state the record is in.", "state", "String!"),
          FieldView.of("The states the operation starts from.", "allowedStates", "[String!]!"))));
    }
    return types;
  }
}
