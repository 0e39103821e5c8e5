package dev.archforge.decide;

import dev.archforge.model.Blueprint;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;

/**
 * The decide stage: requirements and blueprint in, a {@link Plan} out. The seam where the rule
 * engine of the decision issue plugs in; the pipeline only knows this interface.
 */
public interface Decider {
  Plan decide(Requirements requirements, Blueprint blueprint);
}
