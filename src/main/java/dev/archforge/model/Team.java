package dev.archforge.model;

import java.util.List;

/** {@code project.team:} how many people build the system, and in which languages. */
public record Team(int size, List<Language> languages) {
  public Team {
    languages = List.copyOf(languages);
  }
}
