package dev.archforge.facts.deploy;

import dev.archforge.decide.capacity.BackendForFrontend;
import dev.archforge.facts.api.Endpoints;
import dev.archforge.model.Api;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backend for frontend of the {@code gateway-and-bff} decision, as every runtime file deploys
 * it: a deployable named {@code <project>-bff}, built by the client team from its own source and
 * pushed to the registry of facts/deploy/Registries like any deployable (no off-the-shelf image
 * composes a product's screens), in the team's Node when it writes Node. The public edge routes the
 * public HTTP paths to it, and it alone calls the public services, which the edge no longer reaches.
 *
 * @param name the deployable's name
 * @param language what the client team builds it in
 * @param fronts the deployables of the public services it calls, in plan order
 * @param paths the path prefixes of the public HTTP services the edge routes to it; {@code /} when
 *     every public service speaks gRPC (the BFF's own API is then the only HTTP one)
 */
public record Bff(String name, Language language, List<String> fronts, List<String> paths) {
  public Bff {
    fronts = List.copyOf(fronts);
    paths = List.copyOf(paths);
  }

  /** The plan's BFF, or empty when the API gateway decision has none. */
  public static Optional<Bff> of(Plan plan) {
    Requirements r = plan.requirements();
    Map<String, String> choices = new LinkedHashMap<>();
    plan.decision("api-gateway").ifPresent(d -> choices.put("api-gateway", d.choice()));
    if (!BackendForFrontend.chosen(r, choices)) {
      return Optional.empty();
    }
    boolean monolith = Deployables.monolith(plan);
    List<String> fronts = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Service s : r.services()) {
      if (!s.isPublic()) {
        continue;
      }
      String deployable = monolith ? r.project().name() : s.name();
      if (!fronts.contains(deployable)) {
        fronts.add(deployable);
      }
      if (s.api() != Api.GRPC) {
        paths.add(Endpoints.pathPrefix(plan.blueprint().defaults().apiBaseUrl(), s));
      }
    }
    return Optional.of(new Bff(BackendForFrontend.name(r.project()), BackendForFrontend.language(r.project()), fronts,
        paths.isEmpty() ? List.of("/") : paths));
  }

  /** Whether the BFF stands between the edge and this deployable. */
  public boolean fronts(String deployable) {
    return fronts.contains(deployable);
  }

  /** One sentence for the decision record and the runtime READMEs. */
  public String sentence() {
    return "The BFF runs as the deployable `" + name + "` (" + language.spelling() + ", built by the client team from "
        + "its own source like every deployable); the gateway routes " + String.join(", ", paths) + " to it and it "
        + "calls " + String.join(", ", fronts) + ", which the edge no longer reaches.";
  }
}
