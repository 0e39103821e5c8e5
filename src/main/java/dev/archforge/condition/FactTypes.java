package dev.archforge.condition;

import java.util.Collection;
import java.util.Optional;

/** The catalog a condition is checked against: which fact names exist and what type each has. */
public interface FactTypes {
  /** The type of the named fact, or empty when no such fact exists. */
  Optional<Type> typeOf(String name);

  /** Every known fact name; used for "did you mean" hints. */
  Collection<String> names();
}
