package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.SequenceDiagram.Arrow;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sequence diagram of one synchronous call chain: a client's request enters at a public
 * service (through the gateway and BFF when the plan has them) and the service calls the
 * services it names under {@code calls}, depth first. A call back into the chain is noted, not
 * followed; a very wide chain is cut after {@link #MAX_CALLS} calls.
 */
final class CallChains {
  static final String CLIENT = "client_app";
  static final String GATEWAY = "gw_api";
  static final String BFF = "gw_bff";
  static final int MAX_CALLS = 40;

  private CallChains() {}

  /** The public services that call others: one chain each. */
  static List<Service> starts(Requirements r) {
    return r.services().stream().filter(s -> s.isPublic() && !s.calls().isEmpty()).toList();
  }

  static SequenceDiagram of(Plan plan, Topology t, Service start) {
    Requirements r = plan.requirements();
    Set<Service> reached = new LinkedHashSet<>();
    collect(r, start, reached);
    SequenceDiagram d = new SequenceDiagram().actor(CLIENT, "Client");
    if (t.hasGateway()) {
      d.participant(GATEWAY, "API gateway");
    }
    if (t.bff()) {
      d.participant(BFF, "BFF");
    }
    reached.forEach(s -> d.participant(EventFlows.id(s), t.monolith() ? s.name() + " module" : s.name()));
    String entry = t.bff() ? BFF : t.hasGateway() ? GATEWAY : EventFlows.id(start);
    String last = EventFlows.id(reached.stream().reduce((a, b) -> b).orElseThrow());
    budget(plan, t).ifPresent(sentence -> d.note(CLIENT, last, sentence));
    String request = "HTTPS request, " + t.credential();
    String edge = t.hasGateway() ? GATEWAY : EventFlows.id(start);
    d.message(CLIENT, Arrow.CALL, edge, request);
    if (t.hasGateway()) {
      d.note(GATEWAY, GATEWAY, t.identityProvider() ? "Checks the token, applies rate limits" : "Applies rate limits");
      if (t.bff()) {
        d.message(GATEWAY, Arrow.CALL, BFF, "route");
      }
      d.message(entry, Arrow.CALL, EventFlows.id(start), Topology.protocol(start.api()));
    }
    int[] calls = {0};
    follow(d, r, t, start, new ArrayList<>(List.of(start.name())), calls);
    if (t.hasGateway()) {
      d.message(EventFlows.id(start), Arrow.REPLY, entry, "response");
      if (t.bff()) {
        d.message(BFF, Arrow.REPLY, GATEWAY, "response");
      }
    }
    d.message(edge, Arrow.REPLY, CLIENT, "response");
    return d;
  }

  private static void follow(SequenceDiagram d, Requirements r, Topology t, Service caller, List<String> path,
      int[] calls) {
    for (String name : caller.calls()) {
      Service callee = r.service(name).orElseThrow();
      if (calls[0] >= MAX_CALLS) {
        d.note(EventFlows.id(caller), EventFlows.id(caller), "Further calls are left out of this diagram.");
        return;
      }
      if (path.contains(name)) {
        d.note(EventFlows.id(caller), EventFlows.id(callee), caller.name() + " calls " + name
            + " again: a cycle, not followed here.");
        continue;
      }
      calls[0]++;
      d.message(EventFlows.id(caller), Arrow.CALL, EventFlows.id(callee), t.protocol(callee));
      path.add(name);
      follow(d, r, t, callee, path, calls);
      path.remove(path.size() - 1);
      d.message(EventFlows.id(callee), Arrow.REPLY, EventFlows.id(caller), "response");
    }
  }

  private static void collect(Requirements r, Service s, Set<Service> reached) {
    if (reached.add(s)) {
      s.calls().forEach(c -> collect(r, r.service(c).orElseThrow(), reached));
    }
  }

  /**
   * The time budget of the chain: the p99 target when given, and what the resilience decision
   * says about timeouts (its first sentence that mentions them).
   */
  static Optional<String> budget(Plan plan, Topology t) {
    List<String> parts = new ArrayList<>();
    Integer p99 = plan.requirements().scale().latencyP99Ms();
    if (p99 != null) {
      parts.add("p99 target " + p99 + " ms end to end" + (t.monolith() ? "."
          : ": each call's timeout stays below the time left."));
    }
    if (!t.monolith()) {
      plan.decision("resilience").flatMap(CallChains::timeouts).ifPresent(parts::add);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
  }

  private static Optional<String> timeouts(Decision d) {
    return Stream.of(d.consequences(), d.reasons(), d.chosen().map(o -> o.consequences()).orElse(List.of()))
        .flatMap(List::stream).filter(s -> s.toLowerCase(Locale.ROOT).contains("timeout")).findFirst();
  }
}
