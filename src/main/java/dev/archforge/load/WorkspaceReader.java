package dev.archforge.load;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files of an agent folder back into artifacts, so that {@code archforge validate}
 * runs the same validators as {@code generate} on what is on disk (hand edits included).
 */
public final class WorkspaceReader {
  /** The agent folder: {@code dir} itself, or {@code dir/backend-architect} when dir is a workspaces root. */
  public static Path agentFolder(Path dir) {
    Path agent = dir.resolve("backend-architect");
    return Files.isDirectory(agent) ? agent : dir;
  }

  /** Every file whose kind a validator knows; the bookkeeping folder {@code .archforge/} is skipped. */
  public List<Artifact> read(Path agent) {
    List<Artifact> artifacts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(agent)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = agent.relativize(file).toString().replace('\\', '/');
        if (path.startsWith(".") || path.contains("/.")) {
          continue;
        }
        kind(path).ifPresent(kind -> artifacts.add(new Artifact(path, text(file), kind)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + agent + ": " + e.getMessage(), e);
    }
    return artifacts;
  }

  private static java.util.Optional<Artifact.Kind> kind(String path) {
    try {
      Artifact.requireSafePath(path);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    if (path.matches("api/[^/]+/openapi\\.yaml")) {
      return java.util.Optional.of(Artifact.Kind.OPENAPI);
    }
    if (path.equals("api/asyncapi.yaml")) {
      return java.util.Optional.of(Artifact.Kind.ASYNCAPI);
    }
    if (path.matches("api/[^/]+/[^/]+\\.graphql")) {
      return java.util.Optional.of(Artifact.Kind.GRAPHQL);
    }
    if (path.matches("api/[^/]+/[^/]+\\.proto")) {
      return java.util.Optional.of(Artifact.Kind.PROTO);
    }
    if (path.matches("deploy/[^/]+/Dockerfile")) {
      return java.util.Optional.of(Artifact.Kind.DOCKERFILE);
    }
    if (path.matches("deploy/k8s/base/.+\\.yaml") && !path.endsWith("kustomization.yaml")) {
      return java.util.Optional.of(Artifact.Kind.KUBERNETES);
    }
    if (path.matches("db/[^/]+/migrations/[^/]+\\.sql")) {
      return java.util.Optional.of(Artifact.Kind.SQL);
    }
    if (path.endsWith(".md")) {
      return java.util.Optional.of(Artifact.Kind.MARKDOWN);
    }
    if (path.endsWith(".yaml") || path.endsWith(".yml")) {
      return java.util.Optional.of(Artifact.Kind.YAML);
    }
    return java.util.Optional.empty();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
