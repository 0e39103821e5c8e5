package dev.archforge.review;

import dev.archforge.facts.SharedKinds;
import dev.archforge.model.Artifact;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a file of a repository is, for the checks: the kind archforge's own deliverables give a
 * file at that path of a workspace, else what its name and first keys say (an {@code openapi:}
 * key, {@code apiVersion:} with {@code kind:}, a Dockerfile, a {@code V1__init.sql}). Files of no
 * known kind are not reviewed.
 */
final class Classifier {
  static final Artifact.Kind COMPOSE = new Artifact.Kind("compose");
  static final Artifact.Kind KUSTOMIZATION = new Artifact.Kind("kustomization");
  static final Artifact.Kind SQL = new Artifact.Kind("sql");
  static final Artifact.Kind CQL = new Artifact.Kind("cql");
  static final Artifact.Kind TERRAFORM = new Artifact.Kind("opentofu");
  static final Artifact.Kind WORKFLOW = new Artifact.Kind("github-workflow");
  static final Artifact.Kind CLOUD_RUN = new Artifact.Kind("cloudrun");
  static final Artifact.Kind CATALOG = new Artifact.Kind("backstage-catalog");
  private static final Set<Artifact.Kind> PLAIN = Set.of(Artifact.Kind.MARKDOWN, Artifact.Kind.YAML, Artifact.Kind.TEXT);
  private static final Pattern OPENAPI = Pattern.compile("(?m)^(openapi|swagger)\\s*:|^\\s*\\{\\s*\"(openapi|swagger)\"\\s*:");
  private static final Pattern ASYNCAPI = Pattern.compile("(?m)^asyncapi\\s*:|^\\s*\\{\\s*\"asyncapi\"\\s*:");
  private static final Pattern API_VERSION = Pattern.compile("(?m)^apiVersion\\s*:\\s*(\\S+)");
  private static final Pattern KIND = Pattern.compile("(?m)^kind\\s*:");
  private static final Pattern SERVICES = Pattern.compile("(?m)^services\\s*:");
  private static final Pattern COMPOSE_NAME = Pattern.compile("(?:docker-)?compose(?:[.-][^/]*)?\\.ya?ml");
  private static final Pattern DOCKERFILE_NAME = Pattern.compile("(?:Dockerfile|Containerfile)(?:\\.(?!dockerignore$)[^/]+)?|[^/]+\\.Dockerfile");
  private static final Pattern KUSTOMIZATION_NAME = Pattern.compile("kustomization\\.ya?ml|Kustomization");
  private static final Pattern WORKFLOW_PATH = Pattern.compile("(?:.*/)?\\.github/workflows/[^/]+\\.ya?ml");

  private final Function<String, Optional<Artifact.Kind>> workspaceKinds;

  /** @param workspaceKinds the kind archforge's deliverables give a file at a workspace path */
  Classifier(Function<String, Optional<Artifact.Kind>> workspaceKinds) {
    this.workspaceKinds = workspaceKinds;
  }

  /**
   * The file's kind; a Markdown or other YAML file is a plain document, which no check reviews but
   * the checks across files may read (CAPACITY.md, the decision records).
   */
  Optional<Artifact.Kind> kindOf(String path, String text) {
    Optional<Artifact.Kind> workspace = workspaceKinds.apply(path);
    Optional<Artifact.Kind> known = workspace.filter(k -> !PLAIN.contains(k)).or(() -> byContent(path, text));
    if (known.isPresent() || workspace.isPresent()) {
      return known.or(() -> workspace);
    }
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".md")) {
      return Optional.of(Artifact.Kind.MARKDOWN);
    }
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? Optional.of(Artifact.Kind.YAML) : Optional.empty();
  }

  /** Whether files of this kind are plain documents (read by the checks across files, not reviewed). */
  static boolean plain(Artifact.Kind kind) {
    return PLAIN.contains(kind);
  }

  private static Optional<Artifact.Kind> byContent(String path, String text) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (DOCKERFILE_NAME.matcher(name).matches()) {
      return Optional.of(SharedKinds.DOCKERFILE);
    }
    if (lower.endsWith(".sql")) {
      return Optional.of(SQL);
    }
    if (lower.endsWith(".cql")) {
      return Optional.of(CQL);
    }
    if (lower.endsWith(".proto")) {
      return Optional.of(SharedKinds.PROTO);
    }
    if (lower.endsWith(".graphql") || lower.endsWith(".graphqls") || lower.endsWith(".gql")) {
      return Optional.of(SharedKinds.GRAPHQL);
    }
    if (lower.endsWith(".tf")) {
      return Optional.of(TERRAFORM);
    }
    if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
      return Optional.empty();
    }
    return yamlKind(path, name, text);
  }

  private static Optional<Artifact.Kind> yamlKind(String path, String name, String text) {
    if (KUSTOMIZATION_NAME.matcher(name).matches()) {
      return Optional.of(KUSTOMIZATION);
    }
    if (WORKFLOW_PATH.matcher(path).matches()) {
      return Optional.of(WORKFLOW);
    }
    if (OPENAPI.matcher(text).find()) {
      return Optional.of(SharedKinds.OPENAPI);
    }
    if (ASYNCAPI.matcher(text).find()) {
      return Optional.of(SharedKinds.ASYNCAPI);
    }
    if (COMPOSE_NAME.matcher(name).matches() && SERVICES.matcher(text).find()) {
      return Optional.of(COMPOSE);
    }
    var apiVersion = API_VERSION.matcher(text);
    if (!apiVersion.find() || !KIND.matcher(text).find() || text.contains("{{")) {
      return Optional.empty();
    }
    String group = apiVersion.group(1).contains("/") ? apiVersion.group(1).substring(0, apiVersion.group(1).indexOf('/')) : "";
    if (group.equals("serving.knative.dev")) {
      return Optional.of(CLOUD_RUN);
    }
    if (group.equals("backstage.io")) {
      return Optional.of(CATALOG);
    }
    boolean kubernetes = !group.contains(".") || group.endsWith(".k8s.io") || group.equals("external-secrets.io");
    return kubernetes ? Optional.of(SharedKinds.KUBERNETES) : Optional.empty();
  }
}
