package dev.archforge.facts.api;

import java.util.List;

/** One alternative of an operation's {@code security}: an empty scheme is {@code {}} (no credentials). */
public record SecurityRequirementView(String scheme, List<String> scopes) {
  public SecurityRequirementView {
    scopes = List.copyOf(scopes);
  }

  public static SecurityRequirementView anonymous() {
    return new SecurityRequirementView("", List.of());
  }
}
