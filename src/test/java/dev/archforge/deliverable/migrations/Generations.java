package dev.archforge.deliverable.migrations;

import dev.archforge.decide.RuleDecider;
import dev.archforge.deliverable.Deliverable;
import dev.archforge.deliverable.Registry;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * generate runs of the migrations deliverable alone (the blueprint's other deliverables are
 * registered but render nothing), through the real pipeline: load, decide, the consent gate, the
 * validators, the writer with its snapshot.
 */
final class Generations {
  private static final Pipeline PIPELINE = pipeline();

  private Generations() {}

  private static Pipeline pipeline() {
    List<Deliverable> deliverables = new ArrayList<>(List.of(new MigrationsDeliverable()));
    Pipeline.deliverableIds().stream().filter(id -> !id.equals("migrations")).forEach(id -> deliverables.add(absent(id)));
    return new Pipeline(new Registry(deliverables), List.of(new SqlValidator()), List.of(), new RuleDecider());
  }

  private static Deliverable absent(String id) {
    return new Deliverable() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public boolean supports(Facts facts) {
        return false;
      }

      @Override
      public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
        return List.of();
      }
    };
  }

  /** Writes the model to {@code root/requirements.yaml} and generates into {@code root/workspaces}. */
  static GenerateResult generate(Path root, EvolvingModel model, boolean allowDestructive) {
    return generate(root, model, allowDestructive, List.of());
  }

  /** The same with {@code --templates} folders. */
  static GenerateResult generate(Path root, EvolvingModel model, boolean allowDestructive, List<Path> templates) {
    return generate(root, model.yaml(), allowDestructive, templates);
  }

  /** The same from requirements written out. */
  static GenerateResult generate(Path root, String yaml, boolean allowDestructive, List<Path> templates) {
    try {
      Files.createDirectories(root);
      Path input = root.resolve("requirements.yaml");
      Files.writeString(input, yaml);
      GenerateRequest request = new GenerateRequest(input, root.resolve("workspaces"), Optional.empty(), templates,
          false, Instant.EPOCH);
      return PIPELINE.generate(allowDestructive ? request.allowingDestructive() : request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path agent(Path root) {
    return root.resolve("workspaces/backend-architect");
  }

  /** The migration files of the library service, by name, as on disk. */
  static List<String> migrations(Path root) {
    Path folder = agent(root).resolve("db/library/migrations");
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path root, String migration) {
    try {
      return Files.readString(agent(root).resolve("db/library/migrations/" + migration));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
