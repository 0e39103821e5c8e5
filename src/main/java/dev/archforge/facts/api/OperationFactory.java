package dev.archforge.facts.api;

import static dev.archforge.facts.Sentences.article;
import static dev.archforge.facts.Sentences.capitalized;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.archforge.facts.Naming;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Entity;
import dev.archforge.model.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The five operations of a resource: list, get, create, update (merge patch) and delete, with
 * their parameters, bodies, responses, security and a description that states who may call them.
 */
final class OperationFactory {
  static final String API_VERSION = "ApiVersion";
  static final String LIMIT = "Limit";
  static final String CURSOR = "Cursor";
  static final String IDEMPOTENCY_KEY = "IdempotencyKey";
  static final String IF_MATCH = "IfMatch";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String JSON = "application/json";

  private final AccessPolicy access;
  private final boolean apiVersionHeader;

  OperationFactory(AccessPolicy access, boolean apiVersionHeader) {
    this.access = access;
    this.apiVersionHeader = apiVersionHeader;
  }

  /** The collection path ({@code /products}) and the item path ({@code /products/{productId}}). */
  List<PathView> paths(Entity entity, EntitySchemas schemas) {
    String collection = "/" + Naming.resourcePath(entity.name());
    ParameterView id = schemas.idParameter();
    return List.of(
        new PathView(collection, List.of(), List.of(list(entity, schemas), create(entity, schemas))),
        new PathView(collection + "/{" + id.name() + "}", List.of(id),
            List.of(get(entity, schemas), update(entity, schemas), delete(entity, schemas))));
  }

  /**
   * The path of a domain operation, {@code POST} alone: on one resource it answers 200 with the
   * resource as changed (404 when there is none, 409 from a state it does not start from); on the
   * collection it creates one (201 with {@code Location}).
   */
  PathView path(DomainOperation op, EntitySchemas schemas) {
    Entity entity = op.entity();
    Operation o = op.operation();
    String one = schemas.prose();
    boolean item = !o.onCollection();
    List<String> parts = new ArrayList<>();
    if (o.description() != null && !o.description().isBlank()) {
      parts.add(Sentences.sentence(o.description()));
    }
    String stateField = entity.states() == null ? null : "`" + entity.states() + "`";
    if (item && !o.from().isEmpty()) {
      parts.add("Allowed only while the " + one + "'s " + stateField + " is " + either(o.from())
          + "; in any other state the answer is 409 and nothing changes.");
    }
    if (o.to() != null && stateField != null) {
      parts.add((item ? "Afterwards its " : "The new " + one + "'s ") + stateField + " is `" + o.to() + "`.");
    }
    if (o.emits() != null) {
      parts.add("On success it publishes the event " + o.emits() + ", in the same transaction as the change.");
    }
    parts.add("Send a new `Idempotency-Key` with each call: a retry with the same key and body returns the first "
        + "response instead of " + (item ? "acting twice" : "creating a second " + one) + ".");
    String description = paragraphs(String.join(" ", parts), access.describe(op.roles(), op.scope()));
    RequestBodyView body = o.input().isEmpty() ? null
        : new RequestBodyView("The input of " + op.operationId() + ".", JSON, op.requestName());
    SuccessView success = item
        ? new SuccessView("200", "The " + one + " as changed.", entity.name(), false, schemas.versioned())
        : new SuccessView("201", "Created: the new " + one + ".", entity.name(), true, schemas.versioned());
    List<ResponseRefView> errors = errors(item, false, body != null, false);
    errors.add(errors.indexOf(Problems.ref(Problems.TOO_MANY_REQUESTS)) - (body != null ? 1 : 0),
        Problems.ref(Problems.STATE_CONFLICT));
    String summary = capitalized(Naming.prose(o.name())) + (item ? " " + article(one) : ": create " + article(one));
    OperationView view = new OperationView("post", entity.name(), op.operationId(), summary, description,
        refs(IDEMPOTENCY_KEY), List.of(), body, success, errors, access.requirement(op.scope()), op.roles(),
        item ? o.from() : List.of());
    return new PathView(op.path(), item ? List.of(schemas.idParameter()) : List.of(), List.of(view));
  }

  private static String either(List<String> states) {
    List<String> quoted = states.stream().map(s -> "`" + s + "`").toList();
    return quoted.size() == 1 ? quoted.get(0)
        : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
  }

  private OperationView list(Entity entity, EntitySchemas schemas) {
    String plural = Naming.prose(Naming.plural(entity.name()));
    List<String> sortValues = schemas.sortValues();
    String defaultSort = schemas.defaultSort();
    PropertyView sortSchema = new PropertyView("sort", "string", null, null, null, null, null, null, null,
        sortValues, Literal.of(JsonNodeFactory.instance.textNode(defaultSort)),
        Literal.of(JsonNodeFactory.instance.textNode(defaultSort)), false, false, false, null, null, false);
    List<ParameterView> params = new ArrayList<>();
    params.add(new ParameterView("sort", "query", "The order of the list: a property and `asc` or `desc`. Ties "
        + "are broken by id, so pages never overlap.", false, sortSchema));
    params.addAll(schemas.filters());
    String description = "Lists " + plural + " one page at a time, in the order of `sort` (default `" + defaultSort
        + "`). To get the next page, pass the page's `nextCursor` as `cursor` with the same filters and sort; "
        + "the last page has a null `nextCursor`." + (schemas.filters().isEmpty() ? "" : " Filters combine with AND.")
        + (entity.softDelete() ? " Deleted " + plural + " are not listed." : "");
    return new OperationView("get", entity.name(), "list" + Naming.plural(entity.name()), "List " + plural,
        paragraphs(description, access.describe(entity, false)), refs(LIMIT, CURSOR), params, null,
        new SuccessView("200", "One page of " + plural + ".", entity.name() + "Page", false, false),
        errors(false, false, false, false), access.requirement(entity, false),
        access.roles(entity, false));
  }

  private OperationView get(Entity entity, EntitySchemas schemas) {
    String one = schemas.prose();
    String description = "Returns one " + one + " by its id." + (entity.softDelete() ? " A deleted " + one
        + " answers 404." : "") + (schemas.versioned() ? " The `ETag` header holds its version: send it as "
        + "`If-Match` to update it." : "");
    return new OperationView("get", entity.name(), "get" + entity.name(), "Get " + article(one),
        paragraphs(description, access.describe(entity, false)), refs(), List.of(), null,
        new SuccessView("200", "The " + one + ".", entity.name(), false, schemas.versioned()),
        errors(true, false, false, false), access.requirement(entity, false),
        access.roles(entity, false));
  }

  private OperationView create(Entity entity, EntitySchemas schemas) {
    String one = schemas.prose();
    String description = "Creates " + article(one) + " and returns it with its id; the `Location` header is its "
        + "URL. Send a new `Idempotency-Key` with each create: a retry with the same key and body returns the first "
        + "response instead of creating a second " + one + ", and the same key with another body is refused (409).";
    return new OperationView("post", entity.name(), "create" + entity.name(), "Create " + article(one),
        paragraphs(description, access.describe(entity, true)), refs(IDEMPOTENCY_KEY), List.of(),
        new RequestBodyView("The new " + one + ".", JSON, entity.name() + "Create"),
        new SuccessView("201", "Created: the new " + one + ".", entity.name(), true, schemas.versioned()),
        errors(false, true, true, false), access.requirement(entity, true),
        access.roles(entity, true));
  }

  private OperationView update(Entity entity, EntitySchemas schemas) {
    String one = schemas.prose();
    boolean versioned = schemas.versioned();
    String description = "Changes " + article(one) + " with a JSON Merge Patch (RFC 7396): properties left out "
        + "stay as they are and null clears an optional property. Returns the " + one + " as changed."
        + (versioned ? " Send the `ETag` of the version the change is based on as `If-Match`: if the " + one
        + " has changed since, nothing is changed and the answer is 412; without `If-Match` it is 428." : "");
    return new OperationView("patch", entity.name(), "update" + entity.name(), "Update " + article(one),
        paragraphs(description, access.describe(entity, true)), versioned ? refs(IF_MATCH) : refs(), List.of(),
        new RequestBodyView("The changes, as a JSON Merge Patch.", MERGE_PATCH, entity.name() + "Patch"),
        new SuccessView("200", "The " + one + " as changed.", entity.name(), false, versioned),
        errors(true, true, true, versioned), access.requirement(entity, true),
        access.roles(entity, true));
  }

  private OperationView delete(Entity entity, EntitySchemas schemas) {
    String one = schemas.prose();
    String description = (entity.softDelete() ? "Deletes " + article(one) + " softly: it is kept for audit but no "
        + "longer listed, and getting it answers 404." : "Deletes " + article(one) + " for good.")
        + (schemas.isReferenced() ? " " + capitalized(article(one)) + " that other records still "
        + "refer to cannot be deleted (409)." : "");
    return new OperationView("delete", entity.name(), "delete" + entity.name(), "Delete " + article(one),
        paragraphs(description, access.describe(entity, true)), refs(), List.of(), null,
        new SuccessView("204", "Deleted.", null, false, false),
        errors(true, schemas.isReferenced(), false, false), access.requirement(entity, true),
        access.roles(entity, true));
  }

  private List<ResponseRefView> errors(boolean item, boolean conflict, boolean unprocessable,
      boolean conditional) {
    List<ResponseRefView> list = new ArrayList<>();
    list.add(Problems.ref(Problems.BAD_REQUEST));
    if (access.hasCredentials()) {
      list.add(Problems.ref(Problems.UNAUTHORIZED));
    }
    if (access.checksRoles()) {
      list.add(Problems.ref(Problems.FORBIDDEN));
    }
    if (item) {
      list.add(Problems.ref(Problems.NOT_FOUND));
    }
    if (conflict) {
      list.add(Problems.ref(Problems.CONFLICT));
    }
    if (conditional) {
      list.add(Problems.ref(Problems.PRECONDITION_FAILED));
    }
    if (unprocessable) {
      list.add(Problems.ref(Problems.UNPROCESSABLE));
    }
    if (conditional) {
      list.add(Problems.ref(Problems.PRECONDITION_REQUIRED));
    }
    list.add(Problems.ref(Problems.TOO_MANY_REQUESTS));
    list.add(Problems.ref(Problems.INTERNAL));
    return list;
  }

  private List<String> refs(String... names) {
    List<String> list = new ArrayList<>();
    if (apiVersionHeader) {
      list.add(API_VERSION);
    }
    list.addAll(List.of(names));
    return list;
  }

  private static String paragraphs(String... texts) {
    return String.join("\n\n", texts);
  }
}
