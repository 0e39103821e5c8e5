package dev.archforge.deliverable;

import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.RuntimeConsistencyValidator;
import dev.archforge.model.SchemaHistory;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The deliverables archforge knows: those registered in
 * {@code META-INF/services/dev.archforge.deliverable.Deliverable}, one line each (the jar's, and a
 * test tree's own). The pipeline asks this registry and knows no deliverable by name.
 */
public final class Registry {
  private final List<Deliverable> all;

  public Registry(List<Deliverable> all) {
    this.all = List.copyOf(all);
  }

  /** Every registered deliverable, in the order of the registration files. */
  public static Registry installed() {
    List<Deliverable> found = new ArrayList<>();
    ServiceLoader.load(Deliverable.class, Registry.class.getClassLoader()).forEach(found::add);
    return new Registry(found);
  }

  public List<String> ids() {
    return all.stream().map(Deliverable::id).toList();
  }

  /**
   * The checks across files: the runtime's (ports, users, env, network peers, autoscaling) and the
   * coherence rules of every deliverable, for {@code generate} and {@code validate} alike.
   */
  public List<CrossValidator> crossValidators() {
    List<CrossValidator> list = new ArrayList<>(List.of(new RuntimeConsistencyValidator()));
    all.forEach(d -> list.addAll(d.coherence()));
    return List.copyOf(list);
  }

  /** The validators of every deliverable, for {@code generate} and {@code validate} alike. */
  public List<Validator> validators() {
    return all.stream().flatMap(d -> d.validators().stream()).toList();
  }

  /** The kind of a file on disk, as the deliverable that writes such files names it. */
  public Optional<Artifact.Kind> kindOf(String path) {
    return all.stream().map(d -> d.kindOf(path)).flatMap(Optional::stream).findFirst();
  }

  /** The deliverables the plan's blueprint lists and the plan needs, in the blueprint's order. */
  public List<Deliverable> rendered(Facts facts) {
    List<Deliverable> list = new ArrayList<>();
    for (String id : facts.plan().blueprint().deliverables()) {
      all.stream().filter(d -> d.id().equals(id) && d.supports(facts)).findFirst().ifPresent(list::add);
    }
    return list;
  }

  /** The run's facts: with the workspace contents that the rendered deliverables list. */
  public Facts facts(Plan plan) {
    return facts(plan, SchemaHistory.NONE);
  }

  /** The run's facts over the databases' history of the workspace it writes. */
  public Facts facts(Plan plan, SchemaHistory history) {
    return new Facts(plan, history, facts -> {
      List<ContentsEntry> contents = new ArrayList<>();
      rendered(facts).forEach(d -> contents.addAll(d.contents(plan)));
      return contents;
    });
  }
}
