package dev.archforge.model;

/** {@code project:} — name, texts for documents, cloud, team and budget. */
public record Project(
    String name,
    String title,
    String description,
    String domain,
    Cloud cloud,
    Team team,
    Budget budget) {

  /** The title for documents: the given title, or the name. */
  public String displayTitle() {
    return title == null ? name : title;
  }
}
