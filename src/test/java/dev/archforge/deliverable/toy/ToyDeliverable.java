package dev.archforge.deliverable.toy;

import dev.archforge.deliverable.Deliverable;
import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.List;
import java.util.Optional;

/**
 * A deliverable that lives in the test tree only, to show what adding one takes: this package, its
 * template folder ({@code src/test/resources/templates/toy/}) and one registration line
 * ({@code src/test/resources/META-INF/services/dev.archforge.deliverable.Deliverable}). It writes
 * {@code .toy/NOTES.md} (a dot-folder, like {@code .github/}), of a kind of its own, with a validator.
 */
public final class ToyDeliverable implements Deliverable {
  public static final Artifact.Kind KIND = new Artifact.Kind("toy-notes");
  static final String PATH = ".toy/NOTES.md";

  /** What the template prints. */
  public record ToyView(String project, List<String> services) {}

  @Override
  public String id() {
    return "toy";
  }

  @Override
  public boolean supports(Facts facts) {
    return !facts.plan().requirements().services().isEmpty();
  }

  @Override
  public List<Artifact> contribute(Facts facts, TemplateRenderer renderer) {
    Plan plan = facts.plan();
    ToyView view = new ToyView(plan.requirements().project().name(),
        plan.requirements().services().stream().map(Service::name).toList());
    return List.of(new Artifact(PATH, renderer.render("toy/NOTES.md.ftl", view), KIND));
  }

  @Override
  public Optional<Artifact.Kind> kindOf(String path) {
    return path.equals(PATH) ? Optional.of(KIND) : Optional.empty();
  }

  @Override
  public List<Validator> validators() {
    return List.of(new NotesValidator());
  }

  @Override
  public List<ContentsEntry> contents(Plan plan) {
    return List.of(new ContentsEntry(PATH, "the toy deliverable's notes", ContentsEntry.Group.DOCUMENT,
        plan.blueprint().deliverables().indexOf(id())));
  }

  /** Every notes file starts with its heading. */
  static final class NotesValidator implements Validator {
    @Override
    public String name() {
      return "toy-notes";
    }

    @Override
    public boolean accepts(Artifact artifact) {
      return artifact.kind().equals(KIND);
    }

    @Override
    public List<Finding> validate(Artifact artifact) {
      return artifact.content().startsWith("# Notes for ") ? List.of()
          : List.of(new Finding(artifact.path(), 1, "a notes file starts with '# Notes for'", name()));
    }
  }
}
