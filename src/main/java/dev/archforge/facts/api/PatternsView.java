package dev.archforge.facts.api;

/**
 * The patterns of the shared components (parameters, headers, problem details); see
 * {@link Limits} for what each allows.
 */
public record PatternsView(String singleLine, String multiLine, String cursor, String headerToken,
    String entityTag, String origin, String jsonPointer) {

  public static PatternsView standard() {
    return new PatternsView(Limits.SINGLE_LINE, Limits.MULTI_LINE, Limits.CURSOR, Limits.HEADER_TOKEN,
        Limits.ENTITY_TAG, Limits.ORIGIN, Limits.JSON_POINTER);
  }
}
