package dev.archforge.facts.api;

/**
 * A reusable error response served as {@code application/problem+json}.
 *
 * @param name the key under {@code components/responses}
 * @param status the HTTP status code, also the example's {@code status}
 * @param title the example's title (the status phrase)
 * @param detail the example's detail
 * @param rateLimited whether it carries {@code Retry-After} (429); every error response carries the
 *     rate-limit headers
 */
public record ErrorResponseView(String name, int status, String title, String description, String detail,
    boolean rateLimited) {}
