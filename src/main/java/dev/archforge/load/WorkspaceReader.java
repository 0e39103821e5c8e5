package dev.archforge.load;

import dev.archforge.model.Artifact;
import dev.archforge.model.PreviousContracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the files of an agent folder back into artifacts, so that {@code archforge validate}
 * runs the same validators as {@code generate} on what is on disk (hand edits included).
 */
public final class WorkspaceReader {
  /** Where the writer keeps a copy of every file as archforge generated it, relative to the agent folder. */
  public static final String PRISTINE = ".archforge/pristine/";

  private final Function<String, Optional<Artifact.Kind>> kinds;

  /**
   * @param kinds the kind of a file by its path, as the deliverable that writes such files names it;
   *     other Markdown and YAML files are read as plain documents
   */
  public WorkspaceReader(Function<String, Optional<Artifact.Kind>> kinds) {
    this.kinds = kinds;
  }

  /** The agent folder: {@code dir} itself, or {@code dir/backend-architect} when dir is a workspaces root. */
  public static Path agentFolder(Path dir) {
    Path agent = dir.resolve("backend-architect");
    return Files.isDirectory(agent) ? agent : dir;
  }

  /**
   * The blueprint the workspace was generated with, as {@code .archforge/requirements.normalized.yaml}
   * records it; empty for a folder that is no workspace.
   */
  public static Optional<String> recordedBlueprint(Path agent) {
    Path normalized = agent.resolve(".archforge/requirements.normalized.yaml");
    try {
      return !Files.isRegularFile(normalized) ? Optional.empty() : Files.readAllLines(normalized).stream()
          .filter(l -> l.startsWith("blueprint: ")).map(l -> l.substring("blueprint: ".length()).strip())
          .filter(b -> !b.isEmpty() && !b.equals("null")).findFirst();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Every file whose kind is known; archforge's own folder {@code .archforge/} and {@code .git/} are skipped. */
  public List<Artifact> read(Path agent) {
    return read(agent, kind -> true);
  }

  private List<Artifact> read(Path agent, Predicate<Artifact.Kind> wanted) {
    List<Artifact> artifacts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(agent)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = agent.relativize(file).toString().replace('\\', '/');
        if (path.startsWith(".archforge/") || path.startsWith(".git/")) {
          continue;
        }
        kind(path).filter(wanted).ifPresent(kind -> artifacts.add(new Artifact(path, text(file), kind)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + agent + ": " + e.getMessage(), e);
    }
    return artifacts;
  }

  /**
   * The contracts of these kinds as archforge generated them last ({@link #PRISTINE}), whatever
   * became of the files since; none when the agent folder has no pristine copies (a new workspace).
   */
  public PreviousContracts previousContracts(Path agent, Set<Artifact.Kind> contractKinds) {
    Path pristine = agent.resolve(PRISTINE);
    if (!Files.isDirectory(pristine)) {
      return PreviousContracts.none();
    }
    return new PreviousContracts(read(pristine, contractKinds::contains));
  }

  private Optional<Artifact.Kind> kind(String path) {
    try {
      Artifact.requireSafePath(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<Artifact.Kind> known = kinds.apply(path);
    if (known.isPresent()) {
      return known;
    }
    if (path.endsWith(".md")) {
      return Optional.of(Artifact.Kind.MARKDOWN);
    }
    if (path.endsWith(".yaml") || path.endsWith(".yml")) {
      return Optional.of(Artifact.Kind.YAML);
    }
    return Optional.empty();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
