package dev.archforge.facts.api;

import static dev.archforge.facts.Sentences.article;
import static dev.archforge.facts.Sentences.capitalized;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
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
