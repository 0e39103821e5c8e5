package dev.archforge.decide;

import dev.archforge.model.Api;
import dev.archforge.model.Authentication;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Decision;
import dev.archforge.model.Decision.Origin;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.List;

/**
 * Drafts the decisions the first deliverables need — {@code authentication} and
 * {@code api-versioning} — and records every other topic the user named as the user's decision.
 * The full rule engine (all topics, with trade-offs) replaces this class behind {@link Decider}.
 */
public final class FoundationDecider implements Decider {
  @Override
  public Plan decide(Requirements requirements, Blueprint blueprint) {
    List<Decision> decisions = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    decisions.add(authentication(requirements));
    decisions.add(apiVersioning(requirements));
    requirements.decisions().forEach((topic, choice) -> {
      if (!topic.equals("authentication") && !topic.equals("api-versioning")) {
        decisions.add(new Decision(topic, choice, Origin.USER, "Named by the requirements under decisions:.",
            List.of("decisions." + topic + " = " + choice)));
      }
    });
    decisions.sort(java.util.Comparator.comparingInt(d -> DecisionTopic.byId(d.topic()).orElseThrow().ordinal()));
    if (requirements.security().authentication() == Authentication.NONE
        && requirements.services().stream().anyMatch(s -> s.isPublic())) {
      warnings.add("security.authentication is 'none' while some services are public: their operations carry no "
          + "authentication; put a gateway or network control in front of them");
    }
    for (var service : requirements.services()) {
      if (service.api() != Api.REST) {
        warnings.add("service '" + service.name() + "' uses api " + service.api()
            + "; this version generates contracts for REST services only, so it has no contract yet");
      }
    }
    return new Plan(requirements, blueprint, decisions, warnings);
  }

  private static Decision authentication(Requirements requirements) {
    String choice = requirements.security().authentication().spelling();
    boolean user = requirements.decisions().containsKey("authentication");
    String reason = switch (requirements.security().authentication()) {
      case OIDC -> "OpenID Connect with short-lived access tokens from an identity provider: users log in there, "
          + "services only verify signed tokens and their scopes.";
      case JWT -> "Bearer JSON Web Tokens issued by the system's own token service and verified by every service.";
      case API_KEY -> "An API key per client in the X-API-Key header: simple for machine clients; keys are rotated and "
          + "stored hashed.";
      case MTLS -> "Mutual TLS: each client presents a certificate; identity comes from the certificate subject.";
      case NONE -> "No authentication, as the requirements state; only acceptable behind another control.";
    };
    return new Decision("authentication", choice, user ? Origin.USER : Origin.DRAFTED, reason,
        List.of("security.authentication = " + choice));
  }

  private static Decision apiVersioning(Requirements requirements) {
    String user = requirements.decisions().get("api-versioning");
    if (user != null) {
      return new Decision("api-versioning", user, Origin.USER, "Named by the requirements under decisions:.",
          List.of("decisions.api-versioning = " + user));
    }
    return new Decision("api-versioning", "url", Origin.DRAFTED,
        "A major version in the URL path (/v1) is visible in logs, caches and gateways and needs no client "
            + "configuration; minor changes stay backward compatible within a major version.",
        List.of("services.*.api = rest"));
  }
}
