package dev.archforge.model;

/**
 * {@code project:} — name, texts for documents, cloud, team and budget.
 *
 * @param owner the team or person who owns the system (a Backstage entity reference such as
 *     {@code group:shop-team}), or null when not given ({@link #ownerOrDefault()})
 */
public record Project(
    String name,
    String title,
    String description,
    String domain,
    Cloud cloud,
    Team team,
    Budget budget,
    String owner) {

  public Project(String name, String title, String description, String domain, Cloud cloud, Team team,
      Budget budget) {
    this(name, title, description, domain, cloud, team, budget, null);
  }

  /** The owner, or {@code group:<name>-team} when the requirements name none. */
  public String ownerOrDefault() {
    return owner == null ? "group:" + name + "-team" : owner;
  }

  /** The title for documents: the given title, or the name. */
  public String displayTitle() {
    return title == null ? name : title;
  }
}
