package dev.archforge.deliverable.security;

import dev.archforge.deliverable.openapi.OperationView;
import java.util.Arrays;
import java.util.List;

/**
 * The roles an OpenAPI operation allows, read from the view the contract is rendered from.
 *
 * <p>The openapi package decides the roles (its package-private {@code AccessPolicy}) and puts
 * them into each operation's description as {@code **Allowed roles:** a, b.} (or
 * {@code **Allowed:** anyone ...}); {@link OperationView} has no field for them yet. Until it has
 * one, this class reads that sentence, so the rule stays in one place; when {@code OperationView}
 * gains {@code roles()}, this class becomes a one-line call.
 */
final class OperationRoles {
  private static final String ROLES = "**Allowed roles:** ";
  private static final String ANYONE = "**Allowed:** anyone";

  private OperationRoles() {}

  /** The roles allowed, without the anonymous pseudo-role; empty when only anonymous callers or nobody. */
  static List<String> of(OperationView op) {
    String text = op.description();
    if (text.contains(ANYONE)) {
      return List.of();
    }
    int at = text.indexOf(ROLES);
    if (at < 0) {
      throw new IllegalStateException("operation " + op.operationId() + " does not say which roles it allows");
    }
    int start = at + ROLES.length();
    int end = start;
    while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != ';') {
      end++;
    }
    String list = text.substring(start, end).trim();
    return list.equals("none") ? List.of() : Arrays.stream(list.split(",\\s*")).toList();
  }
}
