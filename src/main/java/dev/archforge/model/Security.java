package dev.archforge.model;

import java.util.List;

/** {@code security:} how callers prove who they are, and the roles the system knows. */
public record Security(Authentication authentication, List<String> roles) {
  /** The pseudo-role for callers without credentials; only allowed in access lists. */
  public static final String ANONYMOUS = "anonymous";

  public Security {
    roles = List.copyOf(roles);
  }
}
