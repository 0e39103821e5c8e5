package dev.archforge.model;

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
 */
public record BlueprintDefaults(
    String apiBaseUrl,
    String oidcDiscoveryUrl,
    int stringMaxLength,
    int textMaxLength,
    int pageSizeDefault,
    int pageSizeMax,
    int rateLimitPerMinute) {}
