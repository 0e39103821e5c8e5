package dev.archforge.deliverable.migrations;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders the migrations deliverable of a plan with the real renderer and writes it into a folder. */
final class MigrationWorkspace {
  private MigrationWorkspace() {}

  static List<Artifact> render(Plan plan) {
    return new MigrationsDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  /** Writes the artifacts under {@code agent} and returns them. */
  static List<Artifact> write(Plan plan, Path agent) {
    List<Artifact> artifacts = render(plan);
    try {
      for (Artifact a : artifacts) {
        Path file = agent.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return artifacts;
  }

  static String content(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(
        () -> new AssertionError("no " + path + " among " + artifacts.stream().map(Artifact::path).toList())).content();
  }
}
