package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.in;

import dev.archforge.model.Decision;
import dev.archforge.model.Language;
import dev.archforge.model.Project;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The backend for frontend that the {@code gateway-and-bff} choice of {@code api-gateway} adds: a
 * deployable of its own, named {@code <project>-bff}, between the gateway and the public services.
 * Its name and language are decided here, before sizing, so that CAPACITY.md sizes it like any
 * deployable and every runtime file reads the same name ({@code facts/deploy/Bff}).
 */
public final class BackendForFrontend {
  private BackendForFrontend() {}

  /** Whether the choices put a BFF behind the gateway: {@code gateway-and-bff} and a public service to front. */
  public static boolean chosen(Requirements r, Map<String, String> choices) {
    return "gateway-and-bff".equals(choices.get("api-gateway")) && r.services().stream().anyMatch(Service::isPublic);
  }

  /** {@code taskhub} → {@code taskhub-bff}. */
  public static String name(Project project) {
    return project.name() + "-bff";
  }

  /**
   * The client team's language: Node when the team writes it (the language of the web clients a BFF
   * serves), else the team's first, else Java.
   */
  public static Language language(Project project) {
    List<Language> languages = project.team().languages();
    return languages.contains(Language.NODE) ? Language.NODE : languages.isEmpty() ? Language.JAVA : languages.get(0);
  }

  /**
   * The api-gateway record with the deployable the BFF runs as, when the choices have one: what it is
   * called, what it is built in and from, and which services it alone calls.
   */
  public static Decision withDeployable(Decision d, Requirements r, Map<String, String> choices) {
    if (!d.topic().equals("api-gateway") || !chosen(r, choices)) {
      return d;
    }
    List<String> fronts = r.services().stream().filter(Service::isPublic).map(Service::name).toList();
    List<String> consequences = new ArrayList<>(d.consequences());
    consequences.add("The BFF is the deployable " + name(r.project()) + ": the client team builds its image from its"
        + " own source in " + language(r.project()).spelling() + " with the same Dockerfile recipe, pipeline and "
        + "registry as every deployable (no off-the-shelf image composes a product's screens), and CAPACITY.md sizes "
        + "it for the whole public traffic. The gateway routes the public paths to it; it alone calls "
        + String.join(", ", fronts) + ".");
    return new Decision(d.topic(), d.title(), d.question(), d.choice(), d.origin(), d.rule(), d.reasons(),
        d.drivenBy(), d.options(), consequences, d.drafted(), d.trace());
  }

  /** Every public request passes the BFF: it carries the region's whole entry traffic. */
  static ServiceTraffic.Share share(Project project, double regionalRps) {
    return new ServiceTraffic.Share(name(project), regionalRps, "regionalRps (every public request passes the BFF)",
        List.of(in("regionalRps", regionalRps)));
  }
}
