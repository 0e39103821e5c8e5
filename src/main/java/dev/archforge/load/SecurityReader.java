package dev.archforge.load;

import dev.archforge.model.Authentication;
import dev.archforge.model.Compliance;
import dev.archforge.model.Security;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code security:} and {@code compliance:}. */
final class SecurityReader {
  /** The one role a file without {@code security.roles} gets. */
  static final String DEFAULT_ROLE = "user";
  private final Diagnostics diagnostics;
  private final Declarations declarations;

  SecurityReader(Diagnostics diagnostics, Declarations declarations) {
    this.diagnostics = diagnostics;
    this.declarations = declarations;
  }

  List<Compliance> compliance(YamlMap root) {
    return root.choices("compliance", Compliance.class);
  }

  Security security(YamlMap root) {
    return root.map("security").map(map -> {
      map.allowOnly(List.of("authentication", "roles"));
      Authentication authentication = map.choice("authentication", Authentication.class).orElse(Authentication.OIDC);
      List<String> roles = new ArrayList<>();
      for (YamlMap.Item item : map.list("roles")) {
        if (item.value().equals(Security.ANONYMOUS)) {
          diagnostics.error(item.node(), "'anonymous' is built in (callers without credentials); do not list it as a role");
        } else if (roles.contains(item.value())) {
          diagnostics.error(item.node(), "role '" + item.value() + "' is listed twice");
        } else if (Names.ROLE.check(item.value(), item.node(), "role", diagnostics)) {
          roles.add(item.value());
          declarations.roles.put(item.value(), item.node());
        }
      }
      if (roles.isEmpty()) {
        roles.add(DEFAULT_ROLE);
        declarations.roles.put(DEFAULT_ROLE, null);
      }
      return new Security(authentication, roles);
    }).orElseGet(() -> {
      declarations.roles.put(DEFAULT_ROLE, null);
      return new Security(Authentication.OIDC, List.of(DEFAULT_ROLE));
    });
  }
}
