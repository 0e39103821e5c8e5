package dev.archforge.facts.api;

/**
 * The 2xx response of an operation; it always carries the rate-limit headers.
 *
 * @param schema the component schema of the JSON body, or null for no body (204)
 * @param location whether it has a {@code Location} header (201)
 * @param etag whether it has an {@code ETag} header: the version of a versioned resource
 */
public record SuccessView(String status, String description, String schema, boolean location, boolean etag) {}
