package dev.archforge.facts.deploy;

import dev.archforge.model.Plan;
import java.net.URI;

/**
 * The host name clients reach the public API at, decided once from the blueprint's API base URL
 * ({@code defaults.apiBaseUrl}): production's Gateway listens on it, dev and staging on a subdomain of
 * it, and with backup-dr's second region infra/ points it at the region that serves (Route 53 records
 * in the team's hosted zone, {@link #ZONE_VARIABLE}).
 *
 * @param name production's host name ({@code api.example.com} when the URL names none)
 */
public record PublicHost(String name) {
  /** The root variable naming the team's public DNS zone (a Route 53 hosted zone's ID); empty creates no record. */
  public static final String ZONE_VARIABLE = "public_zone_id";

  /** The public host of the plan. */
  public static PublicHost of(Plan plan) {
    String host = URI.create(plan.blueprint().defaults().apiBaseUrl()).getHost();
    return new PublicHost(host == null ? "api.example.com" : host);
  }

  /** The host of one environment: production's for {@code prod}, else {@code <environment>.<production's>}. */
  public String in(String environment) {
    return environment.equals("prod") ? name : environment + "." + name;
  }

  /** {@link #ZONE_VARIABLE}, for templates. */
  public String zoneVariable() {
    return ZONE_VARIABLE;
  }
}
