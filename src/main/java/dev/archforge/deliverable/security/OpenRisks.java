package dev.archforge.deliverable.security;

import dev.archforge.facts.AccessRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risks the requirements leave open, for THREAT-MODEL.md's residual risks: entities whose service
 * states no access (left to the privileged roles alone) and roles that may write every entity.
 */
final class OpenRisks {
  private OpenRisks() {}

  static List<String> of(AccessRules access) {
    List<String> risks = new ArrayList<>();
    Map<String, List<String>> defaulted = new LinkedHashMap<>();
    access.defaulted().forEach(d -> defaulted.computeIfAbsent(d.service(), k -> new ArrayList<>()).add(d.entity()));
    String privileged = Md.and(access.privileged().stream().map(Md::code).toList());
    defaulted.forEach((service, entities) -> risks.add("Service " + Md.code(service) + " states no access for "
        + Md.and(entities.stream().map(Md::code).toList()) + ": only " + privileged + " may read or write "
        + (entities.size() == 1 ? "it" : "them") + " (deny by default), so the roles that need "
        + (entities.size() == 1 ? "it" : "them") + " are refused until " + Md.code("services." + service + ".access")
        + " says who may."));
    for (String role : access.writeEverything()) {
      risks.add("Role " + Md.code(role) + " may write every entity of the system: one stolen " + Md.code(role)
          + " credential changes all of its data. MFA and short sessions (SECURITY.md) narrow it; grant writes "
          + "to fewer roles where the requirements allow.");
    }
    return risks;
  }
}
