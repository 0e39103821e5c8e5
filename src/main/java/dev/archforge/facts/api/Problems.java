package dev.archforge.facts.api;

import java.util.List;
import java.util.Set;

/** The reusable error responses, all RFC 9457 problem details; a document keeps those it uses. */
public final class Problems {
  static final ErrorResponseView BAD_REQUEST = new ErrorResponseView("BadRequest", 400, "Bad Request",
      "The request is malformed: a parameter or the body cannot be read or breaks the schema.",
      "Query parameter 'cursor' is not a valid cursor.", false);
  static final ErrorResponseView UNAUTHORIZED = new ErrorResponseView("Unauthorized", 401, "Unauthorized",
      "Credentials are missing, expired or invalid.", "The access token has expired.", false);
  static final ErrorResponseView FORBIDDEN = new ErrorResponseView("Forbidden", 403, "Forbidden",
      "The caller is authenticated but its role or scope does not allow this operation.",
      "The caller's role may not perform this operation.", false);
  static final ErrorResponseView NOT_FOUND = new ErrorResponseView("NotFound", 404, "Not Found",
      "No resource has this id (or it was deleted).", "No resource has this id.", false);
  static final ErrorResponseView CONFLICT = new ErrorResponseView("Conflict", 409, "Conflict",
      "The request conflicts with the current state: a unique value is taken, the resource is still referred"
          + " to, or the Idempotency-Key was used with a different body.", "A resource with this value exists.",
      false);
  static final ErrorResponseView STATE_CONFLICT = new ErrorResponseView("StateConflict", 409, "Conflict",
      "The resource is not in a state this operation starts from (`detail` names its state), and nothing was "
          + "changed; or the Idempotency-Key was used with a different body.",
      "The resource is in a state this operation does not start from.", false);
  static final ErrorResponseView UNPROCESSABLE = new ErrorResponseView("UnprocessableContent", 422,
      "Unprocessable Content", "The body is well-formed but a value is not acceptable; `errors` points at each one.",
      "The request body has invalid values.", false);
  static final ErrorResponseView PRECONDITION_FAILED = new ErrorResponseView("PreconditionFailed", 412,
      "Precondition Failed", "The resource has changed since the version named in `If-Match`; nothing was changed. "
          + "Get it again, reapply the change and send the new `ETag`.",
      "The resource has changed since this version was read.", false);
  static final ErrorResponseView PRECONDITION_REQUIRED = new ErrorResponseView("PreconditionRequired", 428,
      "Precondition Required", "The request lacks `If-Match`: send the `ETag` of the version the change is based on.",
      "Send If-Match with the ETag of the version you read.", false);
  static final ErrorResponseView TOO_MANY_REQUESTS = new ErrorResponseView("TooManyRequests", 429,
      "Too Many Requests", "The client has used up its rate limit; retry after `Retry-After` seconds.",
      "Rate limit exceeded; retry in 30 seconds.", true);
  static final ErrorResponseView INTERNAL = new ErrorResponseView("InternalServerError", 500,
      "Internal Server Error", "An unexpected error; the problem's `instance` identifies it in the logs.",
      "An unexpected error occurred.", false);

  static final List<ErrorResponseView> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, STATE_CONFLICT,
      PRECONDITION_FAILED, UNPROCESSABLE, PRECONDITION_REQUIRED, TOO_MANY_REQUESTS, INTERNAL);

  private Problems() {}

  public static ResponseRefView ref(ErrorResponseView e) {
    return new ResponseRefView(Integer.toString(e.status()), e.name());
  }

  /** The responses of the catalogue that some operation refers to, in status order. */
  public static List<ErrorResponseView> used(Set<String> names) {
    return ALL.stream().filter(e -> names.contains(e.name())).toList();
  }
}
