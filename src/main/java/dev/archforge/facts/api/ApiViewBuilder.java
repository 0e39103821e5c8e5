package dev.archforge.facts.api;

import dev.archforge.facts.AccessRules;
import dev.archforge.facts.References;
import dev.archforge.facts.Sentences;
import dev.archforge.model.Authentication;
import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Decision;
import dev.archforge.model.Entity;
import dev.archforge.model.Exposure;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.model.Spelled;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps the plan to the view of one REST service's OpenAPI document. */
final class ApiViewBuilder {
  static final String VERSION = "1.0.0";
  static final String MAJOR = "1";
  static final int CURSOR_MAX_LENGTH = 512;
  static final String CURSOR_EXAMPLE = "eyJpZCI6IjEwMDAifQ";

  private final Plan plan;
  private final Requirements requirements;
  private final BlueprintDefaults defaults;
  private final AccessRules rules;
  private final Set<String> referenced;
  private final DomainOperations domain;

  ApiViewBuilder(Plan plan) {
    this.plan = plan;
    this.requirements = plan.requirements();
    this.defaults = plan.blueprint().defaults();
    this.rules = AccessRules.of(plan);
    this.referenced = References.referenced(requirements);
    this.domain = new DomainOperations(rules);
  }

  ApiView build(Service service) {
    AccessPolicy access = access(service);
    boolean header = headerVersioning();
    OperationFactory operations = new OperationFactory(access, header);
    FieldSchemas fieldSchemas = new FieldSchemas(defaults);
    List<TagView> tags = new ArrayList<>();
    List<PathView> paths = new ArrayList<>();
    List<SchemaView> schemas = new ArrayList<>();
    List<PageView> pages = new ArrayList<>();
    List<String> versioned = new ArrayList<>();
    for (Entity entity : requirements.ownedBy(service)) {
      EntitySchemas es = new EntitySchemas(entity, requirements, fieldSchemas, referenced.contains(entity.name()));
      if (es.versioned()) {
        versioned.add(entity.name());
      }
      tags.add(new TagView(entity.name(), es.description()));
      paths.addAll(operations.paths(entity, es));
      schemas.add(es.resource());
      schemas.add(es.create());
      schemas.add(es.patch());
      for (DomainOperation op : domain.of(entity)) {
        paths.add(operations.path(op, es));
        if (!op.operation().input().isEmpty()) {
          schemas.add(es.request(op));
        }
      }
      pages.add(es.page(defaults.pageSizeMax(), CURSOR_MAX_LENGTH, CURSOR_EXAMPLE));
    }
    Set<String> used = new LinkedHashSet<>();
    paths.forEach(p -> p.operations().forEach(o -> o.errors().forEach(e -> used.add(e.name()))));
    PagingView paging = paths.isEmpty() ? null
        : new PagingView(defaults.pageSizeDefault(), defaults.pageSizeMax(), CURSOR_MAX_LENGTH, CURSOR_EXAMPLE);
    ServerView server = server(service, header);
    String location = paths.isEmpty() ? null : server.url() + paths.get(0).path() + "/"
        + FieldSchemas.exampleOf(paths.get(1).parameters().get(0).schema()).asText();
    boolean cors = service.exposure() == Exposure.PUBLIC;
    ComponentsView components = new ComponentsView(access.schemes(), paging,
        header && !paths.isEmpty() ? MAJOR : null, defaults.rateLimitPerMinute(), location, Problems.used(used),
        schemas, pages, cors, !versioned.isEmpty(), PatternsView.standard());
    return new ApiView(info(service, access, header, cors, versioned), List.of(server), tags, paths, components);
  }

  /** What the document of this service cannot express or had to interpret. */
  public List<String> warnings(Service service, ApiView view) {
    List<String> warnings = new ArrayList<>(access(service).warnings(requirements.ownedBy(service)));
    if (requirements.ownedBy(service).isEmpty()) {
      warnings.add("openapi: service '" + service.name() + "' has api rest but owns no entities: its OpenAPI "
          + "document has no paths.");
    }
    for (SchemaView schema : view.components().schemas()) {
      if (!schema.name().endsWith("Create")) {
        continue; // a create schema holds every field; the others would repeat the warning
      }
      schema.properties().stream().filter(p -> p.example() == null).forEach(p -> warnings.add(
          "openapi: service '" + service.name() + "': no example satisfies the constraints of " + schema.name()
              + "." + p.name() + (p.pattern() != null ? " (pattern " + p.pattern() + ")" : "")
              + "; the property has no example."));
    }
    choice("authentication").filter(c -> Spelled.parse(Authentication.class, c).isEmpty()).ifPresent(c ->
        warnings.add("openapi: authentication '" + c + "' is not known; the document uses security.authentication ("
            + requirements.security().authentication() + ") instead."));
    choice("api-versioning").filter(c -> !c.equals("url") && !c.equals("header")).ifPresent(c ->
        warnings.add("openapi: api-versioning '" + c + "' is not known; the document puts the version in the URL."));
    return warnings;
  }

  private AccessPolicy access(Service service) {
    Authentication auth = choice("authentication").flatMap(c -> Spelled.parse(Authentication.class, c))
        .orElse(requirements.security().authentication());
    return new AccessPolicy(auth, defaults.oidcDiscoveryUrl(), rules, service);
  }

  private boolean headerVersioning() {
    return choice("api-versioning").map("header"::equals).orElse(false);
  }

  private Optional<String> choice(String topic) {
    return plan.decision(topic).map(Decision::choice);
  }

  private ServerView server(Service service, boolean header) {
    String url = Endpoints.url(defaults.apiBaseUrl(), service) + (header ? "" : "/v" + MAJOR);
    String audience = service.exposure() == Exposure.PUBLIC ? "public" : "internal";
    return new ServerView(url, "Production, " + audience + ": the " + service.name() + " service" + (header
        ? "; choose the version with the Api-Version header." : ", version " + MAJOR + "."),
        service.exposure() != Exposure.PUBLIC);
  }

  private InfoView info(Service service, AccessPolicy access, boolean header, boolean cors, List<String> versioned) {
    String title = requirements.project().displayTitle();
    String intro = service.description() != null && !service.description().isBlank()
        ? Sentences.sentence(service.description())
        : "The " + service.name() + " service of " + title + ".";
    String versioning = header
        ? "Clients choose the major version with the required `Api-Version` request header (now `" + MAJOR + "`). "
        : "The major version is part of the path (`/v" + MAJOR + "`). ";
    List<String> sections = new ArrayList<>(List.of(
        intro,
        "## Authentication\n\nAuthentication is " + access.overview()
            + (domain.of(requirements, service).isEmpty() || access.authentication() != Authentication.OIDC ? ""
            : " A domain operation (a `POST` to `/<resource>/<operation>` or `/<resource>/{id}/<operation>`) needs "
            + "its own scope, `<resource>:<operation>`."),
        "## Versioning and deprecation\n\n" + versioning + "Changes within a major version are backwards "
            + "compatible (new operations, new optional properties), so clients must ignore properties they do not "
            + "know. A breaking change gets a new major version. A version that is to be retired is announced with "
            + "the `Deprecation` and `Sunset` response headers (RFC 9745, RFC 8594) and stays available for at "
            + "least six months after the announcement.",
        "## Errors\n\nErrors are problem details (RFC 9457) served as `application/problem+json`; when values are "
            + "invalid, `errors` lists each one with a JSON Pointer to it.",
        "## Rate limits\n\nEach client may send " + defaults.rateLimitPerMinute() + " requests per minute. "
            + "Responses carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; past the limit the "
            + "answer is 429 with `Retry-After`.",
        "## Pagination\n\nLists are paged with an opaque cursor: pass a page's `nextCursor` as `cursor` to get the "
            + "next page; `limit` sets the page size (default " + defaults.pageSizeDefault() + ", at most "
            + defaults.pageSizeMax() + ")."));
    if (!versioned.isEmpty()) {
      int last = versioned.size() - 1;
      String names = last == 0 ? versioned.get(0) + " is"
          : String.join(", ", versioned.subList(0, last)) + " and " + versioned.get(last) + " are";
      sections.add("## Concurrent updates\n\n" + names + " versioned: reading, creating or updating one returns "
          + "its version in the `ETag` header, and an update must send it back in `If-Match`. If the resource has "
          + "changed in between, the update is refused with 412 and changes nothing (get it again and reapply the "
          + "change); an update without `If-Match` gets 428. So no client overwrites another's change unseen.");
    }
    if (cors) {
      sections.add("## Browsers (CORS)\n\nOnly the browser applications allowed for the environment may read "
          + "responses cross-origin: for them every response carries `Access-Control-Allow-Origin` with their "
          + "origin, never `*`.");
    }
    String text = String.join("\n\n", sections);
    return new InfoView(title + " " + service.name() + " API", text, VERSION, title + " API team", "Proprietary");
  }
}
