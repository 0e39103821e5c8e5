package dev.archforge.model;

import java.util.List;

/**
 * Defaults a blueprint sets for the deliverables.
 *
 * @param apiBaseUrl the public base URL of the APIs, without the service and version
 * @param oidcDiscoveryUrl the OpenID Connect discovery document of the identity provider
 * @param stringMaxLength maxLength for {@code string} fields that give none
 * @param textMaxLength maxLength for {@code text} fields
 * @param pageSizeDefault the page size of list operations when the client gives none
 * @param pageSizeMax the largest page a client may ask for
 * @param rateLimitPerMinute requests per minute per client announced in rate-limit headers
 * @param privilegedRoles the role names that alone may read and write an entity whose service
 *     states no access for it, where the requirements declare them (deny by default); empty: the
 *     last role of {@code security.roles}
 * @param costCentre the cost centre every cloud resource of {@code infra/} is tagged with (a label value:
 *     lower case letters, digits, {@code _} and {@code -})
 * @param ci the delivery pipeline the workflows deliverable writes: {@code github} (GitHub Actions)
 * @param gatewayClass the GatewayClass of the platform's Gateway API implementation the Gateway names
 * @param gatewayNamespace the namespace where the platform runs the Gateway's proxies, which the
 *     NetworkPolicies admit
 */
public record BlueprintDefaults(
    String apiBaseUrl,
    String oidcDiscoveryUrl,
    int stringMaxLength,
    int textMaxLength,
    int pageSizeDefault,
    int pageSizeMax,
    int rateLimitPerMinute,
    List<String> privilegedRoles,
    String costCentre,
    String ci,
    String gatewayClass,
    String gatewayNamespace) {
  /** The cost centre of a blueprint that names none. */
  public static final String NO_COST_CENTRE = "unassigned";
  /** The GatewayClass and proxy namespace of a blueprint that names none. */
  public static final String GATEWAY_CLASS = "platform";
  public static final String GATEWAY_NAMESPACE = "gateway-system";

  public BlueprintDefaults {
    privilegedRoles = List.copyOf(privilegedRoles);
  }

  /** Defaults without a cost centre ({@link #NO_COST_CENTRE}), on GitHub Actions, with the default Gateway. */
  public BlueprintDefaults(String apiBaseUrl, String oidcDiscoveryUrl, int stringMaxLength, int textMaxLength,
      int pageSizeDefault, int pageSizeMax, int rateLimitPerMinute, List<String> privilegedRoles) {
    this(apiBaseUrl, oidcDiscoveryUrl, stringMaxLength, textMaxLength, pageSizeDefault, pageSizeMax,
        rateLimitPerMinute, privilegedRoles, NO_COST_CENTRE, "github", GATEWAY_CLASS, GATEWAY_NAMESPACE);
  }
}
