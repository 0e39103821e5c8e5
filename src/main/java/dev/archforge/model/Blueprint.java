package dev.archforge.model;

import java.util.List;

/**
 * A blueprint after loading and resolving {@code extends}: which deliverables to render, the
 * defaults they use, and the template folders that overlay the built-in templates.
 *
 * @param name the blueprint's name
 * @param description one line for {@code archforge blueprints}
 * @param deliverables deliverable ids, in rendering order
 * @param defaults numbers and texts deliverables use where the requirements are silent
 * @param origin where it came from: {@code built-in} or the folder path
 */
public record Blueprint(
    String name, String description, List<String> deliverables, BlueprintDefaults defaults, String origin) {
  public Blueprint {
    deliverables = List.copyOf(deliverables);
  }
}
