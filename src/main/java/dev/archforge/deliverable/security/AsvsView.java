package dev.archforge.deliverable.security;

import java.util.List;

/**
 * What {@code security/ASVS.md} shows: the ASVS level chosen and why, every applicable ASVS 4.0.3
 * requirement up to that level mapped to what meets it, and the OWASP API Security Top 10 2023.
 */
public record AsvsView(
    String title,
    int level,
    String levelReason,
    List<Chapter> chapters,
    List<Control> apiTop10,
    long met,
    long specified,
    long team) {
  public AsvsView {
    chapters = List.copyOf(chapters);
    apiTop10 = List.copyOf(apiTop10);
  }

  /** How far the generated design goes for one control. */
  public enum Status {
    MET("Met"),
    SPECIFIED("Specified"),
    TEAM("Team");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One ASVS chapter and its applicable requirements. */
  public record Chapter(String id, String name, List<Control> controls) {
    public Chapter {
      controls = List.copyOf(controls);
    }
  }

  /** One requirement or risk: id, level (0 for the API Top 10), what it asks, status and where. */
  public record Control(String id, int level, String gist, Status status, String howMd) {}
}
