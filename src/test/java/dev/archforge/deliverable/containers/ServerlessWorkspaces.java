package dev.archforge.deliverable.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sample's whole workspace under another deployment and cloud, and copies of it with one file edited. */
final class ServerlessWorkspaces {
  static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  private ServerlessWorkspaces() {}

  static List<Artifact> render(String sample, String cloud, String deployment) {
    return PIPELINE.render(Facts.of(SamplePlans.deployedOn(Path.of("samples/" + sample + ".yaml"), cloud,
        deployment)), RENDERER);
  }

  static Artifact file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
  }

  /** The workspace with the first {@code from} in {@code path} replaced by {@code to}, which must be there. */
  static List<Artifact> edited(List<Artifact> all, String path, String from, String to) {
    List<Artifact> copy = new ArrayList<>();
    for (Artifact a : all) {
      if (a.path().equals(path)) {
        assertThat(a.content()).contains(from);
        copy.add(new Artifact(a.path(), a.content().replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)),
            a.kind()));
      } else {
        copy.add(a);
      }
    }
    return copy;
  }
}
